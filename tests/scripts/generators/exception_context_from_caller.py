def gen():
    yield 1
    raise KeyError("raised in generator")
g = gen()
next(g)
try:
    raise ValueError("caller is handling this")
except ValueError:
    try:
        next(g)
    except KeyError as e:
        print(repr(e), "context:", repr(e.__context__))
def gen2():
    try:
        raise TypeError("gen2 handler")
    except TypeError:
        yield "in handler"
        raise IndexError("after resume")
h = gen2()
next(h)
try:
    next(h)
except IndexError as e:
    print(repr(e), "context:", repr(e.__context__))
