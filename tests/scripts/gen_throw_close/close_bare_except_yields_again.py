def gen():
    try:
        yield 1
    except:
        print("bare except caught GeneratorExit")
        yield 2
g = gen()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(type(e).__name__, e)
print(next(g, "exhausted"))
