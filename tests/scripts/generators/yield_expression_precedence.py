def gen():
    x = yield 1, 2
    print("got", x)
    y = (yield) or "default"
    print("y =", y)
    z = 10 + (yield "z?")
    print("z =", z)
g = gen()
print(next(g))
print(next(g))
print(g.send(None))
try:
    g.send(5)
except StopIteration:
    print("done")
