# Generators that end every way: return, raise, close() (GeneratorExit), a
# delegating one (yield from) and a generator expression, for the timeline.
def g():
    try:
        yield 1
        yield 2
    finally:
        print('fin')
def h():
    yield from g()
    raise ValueError('x')
x = h()
next(x)
try:
    next(x); next(x)
except ValueError:
    pass
y = g(); next(y); y.close()
z = (i for i in range(3)); list(z)
