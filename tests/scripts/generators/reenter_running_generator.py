def gen():
    print("running")
    yield next(g)
g = gen()
try:
    next(g)
except ValueError as e:
    print(type(e).__name__, e)
print(next(g, "finished after error"))
