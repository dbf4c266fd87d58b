a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b))
print(sorted(a.union([9], (10,))), a.intersection(range(3)))
print({1, 2} <= a, {1, 2} < a, a >= {1}, a > a, a <= a)
print({1, 2} == {2, 1}, {1} != {1})
