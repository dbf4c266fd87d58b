def gen():
    yield 1
g = gen()
print(g.gi_frame is None)
next(g)
print(g.gi_frame is None)
next(g, None)
print(g.gi_frame is None)
h = gen()
h.close()
print(h.gi_frame is None)
