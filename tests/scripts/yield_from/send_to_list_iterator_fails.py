def gen():
    yield from [1, 2, 3]
g = gen()
print(next(g))
print(g.send(None))
try:
    g.send("value")
except AttributeError as e:
    print(type(e).__name__, e)
print(next(g, "exhausted"))
