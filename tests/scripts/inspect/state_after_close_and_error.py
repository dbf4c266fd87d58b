import inspect
def gen():
    yield 1
    raise ValueError("boom")
a = gen()
a.close()
print("closed before start:", inspect.getgeneratorstate(a))
b = gen()
next(b)
b.close()
print("closed while suspended:", inspect.getgeneratorstate(b))
c = gen()
next(c)
try:
    next(c)
except ValueError:
    pass
print("after exception:", inspect.getgeneratorstate(c))
d = gen()
try:
    d.throw(KeyError)
except KeyError:
    print("throw into created:", inspect.getgeneratorstate(d))
