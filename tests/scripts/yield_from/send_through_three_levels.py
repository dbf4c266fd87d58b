def level3():
    while True:
        x = yield
        print("level3 received", x)
        if x == "stop":
            return "l3 done"
def level2():
    r = yield from level3()
    print("level2 got", r)
    return "l2 done"
def level1():
    r = yield from level2()
    print("level1 got", r)
    yield "level1 final"
g = level1()
next(g)
g.send("a")
g.send("b")
print(g.send("stop"))
