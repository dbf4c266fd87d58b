def f():
    def g():
        return v
    v = 1
    r1 = g()
    v = 2
    return r1, g()
print(f())
def h():
    def g():
        return w
    try:
        return g()
    except NameError as e:
        return type(e).__name__ + ": " + str(e)
    w = 0
print(h())
