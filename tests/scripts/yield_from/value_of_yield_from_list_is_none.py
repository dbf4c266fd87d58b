def gen():
    r = yield from [1, 2]
    print("yield from a list evaluates to", r)
    r2 = yield from []
    print("empty:", r2)
print(list(gen()))
