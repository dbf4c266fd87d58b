def echo():
    received = None
    while True:
        received = yield "echo: " + repr(received)
g = echo()
print(next(g))
print(g.send("hello"))
print(g.send(42))
print(g.send(None))
print(next(g))
