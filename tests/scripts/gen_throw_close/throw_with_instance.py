class MyErr(Exception):
    pass
def gen():
    try:
        yield 1
    except MyErr as e:
        print("caught", e, e.args)
        yield "handled"
g = gen()
next(g)
err = MyErr("details", 7)
print(g.throw(err))
