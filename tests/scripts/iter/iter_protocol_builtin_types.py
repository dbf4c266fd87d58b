for obj in [[1, 2], (3,), "ab", {"k": 1}, {5}, range(2), b"z"]:
    it = iter(obj)
    print(type(obj).__name__, next(it), iter(it) is it)
try:
    iter(5)
except TypeError as e:
    print(type(e).__name__, e)
