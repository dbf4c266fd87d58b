print(list(map(abs, [-1, 2, -3])), list(map(pow, [2, 3], [3, 2])))
print(list(map(lambda a, b: a + b, "ab", "xyz")))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(list(filter(str.isdigit, "a1b2")))
m = map(int, ["1", "x"])
print(next(m))
try:
    next(m)
except ValueError as e:
    print(type(e).__name__, e)
