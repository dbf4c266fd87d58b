def gen():
    try:
        yield 1
    except TypeError as e:
        print("caught", type(e).__name__, e)
        yield "ok"
g = gen()
next(g)
print(g.throw(TypeError, TypeError("three-arg"), None))
h = gen()
next(h)
print(h.throw(TypeError, "value becomes the argument"))
