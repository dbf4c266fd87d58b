import inspect
def gen():
    try:
        yield 1
    except ValueError:
        print("handler sees", inspect.getgeneratorstate(g))
        yield 2
g = gen()
next(g)
print(g.throw(ValueError), inspect.getgeneratorstate(g))
g.close()
print(inspect.getgeneratorstate(g))
