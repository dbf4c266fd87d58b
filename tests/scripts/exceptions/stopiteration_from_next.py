it = iter([1])
print(next(it))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, repr(e), e.value, e.args)
print(next(it, "default"))
try:
    next([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
