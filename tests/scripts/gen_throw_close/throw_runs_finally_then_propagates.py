def gen():
    try:
        yield 1
    finally:
        print("finally during throw")
g = gen()
next(g)
try:
    g.throw(ValueError("x"))
except ValueError as e:
    print("after finally:", e)
