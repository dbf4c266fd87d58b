def check(x):
    print("check", x)
    return x % 2 == 0
def show(x):
    print("show", x)
    return x
g = (show(x) for x in range(4) if check(x))
print("nothing evaluated yet")
print(next(g))
print(next(g))
