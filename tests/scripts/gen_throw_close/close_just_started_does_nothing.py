def gen():
    try:
        print("body")
        yield 1
    finally:
        print("finally")
g = gen()
g.close()
print("closed without running body", next(g, "exhausted"))
