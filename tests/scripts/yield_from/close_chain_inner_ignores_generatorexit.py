def inner():
    try:
        yield 1
    except GeneratorExit:
        print("inner ignores GeneratorExit")
        yield "ignored"
    print("inner resumed")
def outer():
    yield from inner()
g = outer()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(type(e).__name__, e)
print(list(g))
