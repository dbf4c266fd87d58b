def gen():
    received = []
    for i in range(3):
        got = yield i
        received.append((i, got))
    yield received
g = gen()
print(next(g))
print(g.send("x"))
print(g.send("y"))
print(g.send("z"))
