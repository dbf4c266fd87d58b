def gen():
    value = None
    while True:
        try:
            value = yield value
        except ValueError:
            value = "reset"
g = gen()
next(g)
print(g.send(1))
print(g.throw(ValueError))
print(g.send(2))
