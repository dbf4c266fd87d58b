def gen():
    me = yield "send me myself"
    yield me is g2
    yield me.gi_running
g2 = gen()
print(next(g2))
print(g2.send(g2))
print(next(g2))
print(next(g2, "end"))
for _ in range(500):
    g3 = gen()
    next(g3)
    g3.send(g3)
print("self-referencing generators created and dropped")
