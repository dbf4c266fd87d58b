def flatten(x):
    if isinstance(x, (list, tuple)):
        for item in x:
            yield from flatten(item)
    else:
        yield x
print(list(flatten([1, [2, [3, (4, 5)], []], [[[6]]], 7])))
def depth_count(x):
    if not isinstance(x, list):
        yield x
        return 0
    best = 0
    for item in x:
        d = yield from depth_count(item)
        best = max(best, d + 1)
    return best
g = depth_count([1, [2, [3]], []])
try:
    while True:
        print("leaf", next(g))
except StopIteration as e:
    print("depth", e.value)
