t = 1, 2, 3
print(t, type(t).__name__)
a, b = b, a = 1, 2
print(a, b)
print((1, 2) < (1, 3), (1, 2, 3) > (1, 2), (2,) > (1, 100))
print(hash((1, 2)) == hash((1, 2)))
print(max([(1, "b"), (2, "a"), (1, "c")]))
try:
    (1, 2) + [3]
except TypeError as e:
    print(type(e).__name__, e)
