def accumulate():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x
def middle():
    t1 = yield from accumulate()
    t2 = yield from accumulate()
    return t1 * 100 + t2
def top():
    result = yield from middle()
    yield "result=%d" % result
g = top()
print(next(g))
for v in [1, 2, None, 5, None]:
    print(g.send(v))
