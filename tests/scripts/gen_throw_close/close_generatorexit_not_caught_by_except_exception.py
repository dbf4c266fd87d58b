def gen():
    try:
        yield 1
    except Exception:
        print("except Exception does not see GeneratorExit")
        yield "no"
    finally:
        print("finally does")
g = gen()
next(g)
g.close()
print("closed quietly")
