def gen():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit arrived via throw")
        raise
g = gen()
next(g)
try:
    g.throw(GeneratorExit)
except GeneratorExit as e:
    print("re-raised to caller:", type(e).__name__)
print(g.gi_frame is None)
