# + - * of ints of every size class (inline, one limb, many limbs) and both
# signs, each against each: carries out of the top limb, cancellation down
# to zero or back into the inline range, a side equal to 0, x op x.
seed = 12345


def rnd(bits):
    global seed
    v = 0
    for _ in range(bits // 30 + 1):
        seed = (seed * 1103515245 + 12345) % 2**31
        v = (v << 30) | (seed >> 1)
    v &= (1 << bits) - 1
    return -v if seed & 1 else v


edges = [0, 1, -1]
for k in (46, 47, 48, 62, 63, 64, 65, 127, 128, 129, 200):
    for d in (-2, -1, 0, 1):
        edges += [2**k + d, -(2**k) - d, 2**k - 1 + d]
values = edges + [rnd(300) for _ in range(20)] + [rnd(70) for _ in range(20)]

checksum = 0
for a in values:
    for b in values:
        checksum = (checksum * 31 + hash(a + b) + 7 * hash(a - b) + 13 * hash(a * b)) % (2**61 - 1)
print(checksum)

for a in edges[3:15]:
    print(a + a, a - a, a * a, a + (-a), -a - a)
x = 2**64 - 1
print(x + 1, x * x, (x + 1) * (x + 1) - 1 == x * (x + 2), -x * x)
print(2**47 - 1 + 1, -(2**47) - 1 + 1, (2**64) * 0, 0 * (2**64), 0 - 2**64, 0 + 2**64, 2**64 - 0)
print(2**200 - (2**200 - 5), (2**200 + 3) - 2**200, -(2**128) + 2**128, 2**128 - 2**64 - 2**128)
f = 1
for i in range(2, 200):
    f *= i
print(f, f * -f, f - f * 2, f + 1 - f)
print(type(2**64 - 2**64 + 5), (2**64 + 7) - 2**64 == 7, hash(2**100 - 2**100 + 2**40))
