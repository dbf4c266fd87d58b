def gen():
    try:
        raise ValueError("inside generator")
    except ValueError:
        yield "suspended inside the handler"
        raise
g = gen()
print(next(g))
try:
    raise KeyError("caller's own exception")
except KeyError:
    print("caller handled its own exception meanwhile")
try:
    next(g)
except ValueError as e:
    print("bare raise after resume re-raised:", type(e).__name__, e)
