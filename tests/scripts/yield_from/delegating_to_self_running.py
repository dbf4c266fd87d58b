def gen():
    yield from g
g = gen()
try:
    next(g)
except ValueError as e:
    print(type(e).__name__, e)
