def gen():
    yield 1
    raise KeyError("oops")
    yield 2
g = gen()
print(next(g))
try:
    next(g)
except KeyError as e:
    print(type(e).__name__, e)
print(next(g, "generator is finished"), g.gi_frame)
