# hash() of big ints is CPython's (modulo 2**61 - 1), equal numbers hash alike
# across int and float, and big ints mix with small ones as dict and set keys.
for v in [2**61 - 2, 2**61 - 1, 2**61, 2**61 + 1, -2**61, 2**64, -2**64, 2**100, 3**90, -(7**70), 2**122 - 1]:
    print(v, hash(v), hash(v) == hash(float(v)) if abs(v) < 2**1000 else None)
print(hash(2**1000 + 1), hash(-(2**1000)))
d = {2**64: 'big', 1: 'one', float(2**70): 'float', -2**63: 'edge'}
print(d[2**64], d[2**70], d[-2**63], 2**64 + 1 in d, len(d))
d[2**64 - 2**64 + 1] = 'again'
print(d)
s = {2**100, 2**100 + 0, 2.0**100, 2**100 - 1}
print(len(s), sorted(s))
print(2**64 == 2.0**64, 2**64 + 1 == 2.0**64, 2**64 + 1 > 2.0**64, 2**1000 < float('inf'), -2**1000 > float('-inf'))
print(10**400 > 1e308, -10**400 < -1e308, 10**400 == float('inf'), 2**53 + 1 == 2.0**53)
print(sorted([2**70, -2**70, 3, 2.5, -1e30, 10**25, 1e25]))
print(max(2**100, 2**100 + 1, 5), min(-2**100, -5.5), sum(range(2**40, 2**40 + 100)) * 2**40)
print([x for x in [2**65, 7, -2**65, 0] if x > 2**64 or x < -2**64])
print(2**64 in [2**64], (2**64, 1) == (2**64, 1), [2**100] < [2**100 + 1])
