def gen():
    while True:
        try:
            yield "normal"
        except ValueError as e:
            print("caught", e)
            yield "recovered"
g = gen()
print(next(g))
print(g.throw(ValueError("bad")))
print(next(g))
print(g.throw(ValueError("again")))
