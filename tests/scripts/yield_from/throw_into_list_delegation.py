def gen():
    try:
        yield from iter([1, 2, 3])
    except ValueError as e:
        print("delegator caught", e)
        yield "recovered"
g = gen()
print(next(g))
print(g.throw(ValueError("thrown while delegating to a list iterator")))
