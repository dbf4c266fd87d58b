class Res:
    def __enter__(self):
        print("acquire")
        return self
    def __exit__(self, et, ev, tb):
        print("release on", et.__name__ if et else None)
def gen():
    with Res():
        yield 1
        yield 2
g = gen()
next(g)
g.close()
print("after close")
