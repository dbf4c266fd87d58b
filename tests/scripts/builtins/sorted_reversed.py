print(sorted([3, 1, 2]), sorted("bca"), sorted({3: 0, 1: 0}), sorted((2, 1), reverse=True))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))), list(reversed((1, 2))))
try:
    reversed({1, 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    reversed(iter([1]))
except TypeError as e:
    print(type(e).__name__, e)
r = reversed([1, 2])
print(next(r), list(r))
