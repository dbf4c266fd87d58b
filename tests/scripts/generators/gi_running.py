def gen():
    print("inside, gi_running =", g.gi_running)
    yield 1
    print("inside again, gi_running =", g.gi_running)
g = gen()
print("before:", g.gi_running)
next(g)
print("suspended:", g.gi_running)
next(g, None)
print("finished:", g.gi_running)
