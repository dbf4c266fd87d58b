def gen():
    yield 1
    raise StopIteration("manual")
g = gen()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print(type(e).__name__, e)
    print("cause:", type(e.__cause__).__name__, e.__cause__)
    print(e.__cause__ is e.__context__)
print(next(g, "closed afterwards"))
