def gen():
    yield 1
    return "result"
g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print(type(e).__name__, repr(e.value), e.args, repr(e))
try:
    next(g)
except StopIteration as e:
    print("again:", repr(e.value), e.args)
