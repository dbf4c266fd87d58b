def gen():
    print("body started")
    yield "first"
    print("resumed after first")
    yield "second"
    print("body finished")
g = gen()
print("generator created")
print(next(g))
print("between")
print(next(g))
print(next(g, "exhausted"))
