def gen():
    print("started")
    x = yield "first"
    print("x =", x)
    yield "second"
g = gen()
print(g.send(None))
print(g.send("value"))
