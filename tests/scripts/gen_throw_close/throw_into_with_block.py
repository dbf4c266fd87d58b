class CM:
    def __enter__(self):
        print("enter")
    def __exit__(self, et, ev, tb):
        print("exit sees", et.__name__, ev)
        return True
def gen():
    with CM():
        yield 1
        print("not reached")
    yield "after with, exception suppressed"
g = gen()
next(g)
print(g.throw(ZeroDivisionError("thrown into with")))
