def gen():
    x = yield 1
    try:
        me.send(x)
    except ValueError as e:
        yield "inner error: " + str(e)
me = gen()
print(next(me))
print(me.send("v"))
