def gen():
    yield
g = gen()
next(g)
try:
    g.send()
except TypeError as e:
    print(type(e).__name__, e)
try:
    g.send(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
