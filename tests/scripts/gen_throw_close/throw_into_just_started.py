def gen():
    print("body never starts")
    try:
        yield 1
    except ValueError:
        print("not caught here: the try was never entered")
g = gen()
try:
    g.throw(ValueError("early"))
except ValueError as e:
    print(type(e).__name__, e)
print(g.gi_frame is None, next(g, "closed"))
