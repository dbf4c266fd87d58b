def gen():
    try:
        yield 1
    finally:
        raise ValueError("from finally during close")
g = gen()
next(g)
try:
    g.close()
except ValueError as e:
    print(type(e).__name__, e, "| context:", type(e.__context__).__name__)
