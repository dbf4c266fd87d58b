def gen():
    try:
        g.close()
    except ValueError as e:
        print("close inside:", type(e).__name__, e)
    try:
        g.throw(KeyError)
    except ValueError as e:
        print("throw inside:", type(e).__name__, e)
    yield "still fine"
g = gen()
print(next(g))
