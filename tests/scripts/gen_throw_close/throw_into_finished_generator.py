def gen():
    yield 1
g = gen()
list(g)
try:
    g.throw(RuntimeError("late"))
except RuntimeError as e:
    print("raised directly:", e)
