def inner():
    try:
        yield "inner 1"
        yield "inner 2"
    finally:
        print("inner finally")
def outer():
    try:
        yield from inner()
    except KeyError as e:
        print("outer caught", repr(e))
        yield "outer recovered"
g = outer()
print(next(g))
print(g.throw(KeyError("k")))
print(next(g, "exhausted"))
