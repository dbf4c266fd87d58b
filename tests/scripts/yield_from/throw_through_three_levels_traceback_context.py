def l3():
    try:
        yield "l3"
    except ValueError as e:
        raise TypeError("l3 converted " + str(e))
def l2():
    yield from l3()
def l1():
    try:
        yield from l2()
    except TypeError as e:
        print("l1 caught", e, "| context:", repr(e.__context__))
        yield "l1 done"
g = l1()
print(next(g))
print(g.throw(ValueError("v")))
