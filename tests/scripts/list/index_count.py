a = [1, 2, 3, 2, 1, 2]
print(a.index(2), a.index(2, 2), a.index(1, 1, 5), a.count(2), a.count(9))
print([[1], [1]].count([1]), [1, 1.0, True].count(1))
try:
    a.index(2, 6)
except ValueError as e:
    print(type(e).__name__, e)
