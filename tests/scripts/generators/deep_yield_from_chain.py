def leaf():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x
def wrap(depth):
    if depth == 0:
        return (yield from leaf())
    return (yield from wrap(depth - 1))
g = wrap(150)
print(next(g))
for v in range(1, 6):
    print(g.send(v))
try:
    g.send(None)
except StopIteration as e:
    print("returned through 150 levels:", e.value)
