def gen():
    try:
        yield 1
    finally:
        print("finally starts")
        yield "yield inside finally"
g = gen()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    next(g)
except GeneratorExit as e:
    print("resuming ends the finally, which re-raises", type(e).__name__)
print(next(g, "exhausted"))
