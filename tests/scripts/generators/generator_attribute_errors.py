def gen():
    yield 1
g = gen()
try:
    g.gi_running = True
except AttributeError as e:
    print(type(e).__name__, e)
try:
    len(g)
except TypeError as e:
    print(type(e).__name__, e)
try:
    g[0]
except TypeError as e:
    print(type(e).__name__, e)
