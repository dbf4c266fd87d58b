def gen():
    yield from 42
g = gen()
try:
    next(g)
except TypeError as e:
    print(type(e).__name__, e)
def gen2():
    yield from None
try:
    list(gen2())
except TypeError as e:
    print(type(e).__name__, e)
