def inner():
    yield "inner value"
def outer():
    it = inner()
    yield next(it)
    yield next(it)
    yield "unreachable"
g = outer()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print(type(e).__name__, e, "| cause:", repr(e.__cause__))
