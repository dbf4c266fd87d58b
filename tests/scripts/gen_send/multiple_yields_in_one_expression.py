def gen():
    print("sum is", (yield "first") + (yield "second"))
    yield "end"
g = gen()
print(next(g))
print(g.send(10))
print(g.send(32))
