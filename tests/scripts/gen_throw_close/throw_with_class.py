def gen():
    try:
        yield 1
    except KeyError as e:
        print("caught", type(e).__name__, repr(e), e.args)
        yield 2
g = gen()
next(g)
print(g.throw(KeyError))
