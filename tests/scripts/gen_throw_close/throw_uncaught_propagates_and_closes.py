def gen():
    yield 1
    print("never resumed")
    yield 2
g = gen()
next(g)
try:
    g.throw(IndexError("thrown"))
except IndexError as e:
    print("propagated:", e)
print(g.gi_frame is None, list(g))
