# yield inside try/except/finally and with blocks; close() and throw() run the
# right handlers; return values travel through yield from.
class CM:
    def __enter__(self):
        print("enter")
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None)
        return t is KeyError
def gen():
    try:
        with CM():
            yield 1
            yield 2
        yield 3
    except ValueError as e:
        print("caught", e)
        yield "after catch"
    finally:
        print("finally")
    return "done"
g = gen()
print(next(g), g.throw(KeyError("suppressed")), g.throw(ValueError("v")))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
g = gen()
next(g)
g.close()
def outer():
    r = yield from gen()
    print("outer got", r)
print(list(outer()))
