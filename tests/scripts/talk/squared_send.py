# From the talk notebook: PEP 342, a generator that receives values.
def squared():
    while True:
        n = yield
        print(n ** 2)
sqrd = squared()
print(next(sqrd))
sqrd.send(3)
sqrd.send(4)
