def gen():
    try:
        yield 1
    except GeneratorExit as e:
        print("got", type(e).__name__, repr(e), isinstance(e, Exception))
        return "value is dropped by close"
g = gen()
next(g)
print(g.close())
