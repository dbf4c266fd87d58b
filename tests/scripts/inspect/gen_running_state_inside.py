import inspect
def gen():
    print("inside:", inspect.getgeneratorstate(g))
    yield
g = gen()
next(g)
print("outside:", inspect.getgeneratorstate(g))
