def sub():
    print("sub started")
    x = yield "sub first"
    print("sub got", x)
    return x
def top():
    print("top started")
    r = yield from sub()
    yield "top got %r" % r
g = top()
print(g.send(None))
print(g.send("payload"))
