def gen():
    try:
        yield 1
    except ValueError:
        raise TypeError("converted inside generator")
g = gen()
next(g)
try:
    g.throw(ValueError("original"))
except TypeError as e:
    print(type(e).__name__, e, "| context:", repr(e.__context__))
