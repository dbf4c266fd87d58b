def gen():
    yield 1
    yield 2
g = gen()
next(g)
for bad in [5, "str", object]:
    try:
        g.throw(bad)
    except TypeError as e:
        print(type(e).__name__, e)
print("frame untouched, next gives", next(g))
