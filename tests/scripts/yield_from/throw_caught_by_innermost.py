def inner():
    while True:
        try:
            yield "inner"
        except ValueError as e:
            print("inner handled", e)
            yield "inner recovered"
def outer():
    yield from inner()
g = outer()
print(next(g))
print(g.throw(ValueError("x")))
print(next(g))
