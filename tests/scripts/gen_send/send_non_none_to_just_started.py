def gen():
    x = yield 1
    print("got", x)
g = gen()
try:
    g.send("too early")
except TypeError as e:
    print(type(e).__name__, e)
print(g.send(None))
try:
    g.send("now fine")
except StopIteration:
    print("finished")
