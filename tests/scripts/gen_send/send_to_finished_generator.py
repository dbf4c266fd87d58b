def gen():
    x = yield
    return x * 10
g = gen()
next(g)
try:
    g.send(4)
except StopIteration as e:
    print("returned", e.value)
try:
    g.send(5)
except StopIteration as e:
    print("send after finish:", repr(e), e.value)
h = gen()
h.close()
try:
    h.send(None)
except StopIteration:
    print("send after close raises StopIteration")
