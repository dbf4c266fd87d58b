s = slice(1, 8, 2)
print(s, s.start, s.stop, s.step)
print(slice(3), slice(None, 5))
a = "abcdefghij"
print(a[s], a[slice(None, None, -1)], a[slice(-3, None)])
print(list(range(10))[slice(2, 4)])
print(slice(1, 2) == slice(1, 2), [0, 1, 2, 3][slice(-2, None)])
