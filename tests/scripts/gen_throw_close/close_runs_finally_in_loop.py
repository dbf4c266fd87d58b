def gen():
    for i in range(5):
        try:
            print("yielding", i)
            yield i
        finally:
            print("finally for", i)
    print("loop ended")
g = gen()
print(next(g))
print(next(g))
g.close()
print("closed", g.gi_frame is None)
print(next(g, "exhausted"))
