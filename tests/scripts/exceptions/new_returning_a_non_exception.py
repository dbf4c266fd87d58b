# An exception class whose __new__ returns a non-exception: raise and throw() say so.
class B(BaseException):
    def __new__(cls, *a):
        return 1
try:
    raise B
except Exception as e:
    print(type(e).__name__, e)
def gen():
    yield
for args in [(B,), (B, None), (B, 5), (B, (1, 2))]:
    g = gen()
    next(g)
    try:
        g.throw(*args)
    except Exception as e:
        print(type(e).__name__, e)
