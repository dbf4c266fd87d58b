def a():
    yield 1
    return
def b():
    yield 1
def c():
    return 5
    yield
for f in [a, b, c]:
    g = f()
    try:
        while True:
            print(f.__name__, "yielded", next(g))
    except StopIteration as e:
        print(f.__name__, "value", e.value)
