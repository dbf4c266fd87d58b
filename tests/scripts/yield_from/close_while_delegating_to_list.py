def gen():
    try:
        yield from [1, 2, 3]
    finally:
        print("delegator finally")
g = gen()
print(next(g))
g.close()
print(list(g))
