sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(5), add(1), add(1, 2))
print((lambda *a, **k: (a, k))(1, 2, z=3))
print(sorted([(1, "b"), (0, "c"), (2, "a")], key=lambda p: p[1]))
print(list(map(lambda x: x + 1, [1, 2])))
print((lambda: "no args")())
print(sq.__name__)
