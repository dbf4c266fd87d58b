# gen.throw(...) passes its arguments as given to a yield-from delegate's own
# throw(); only a generator with no such delegate turns them into an exception.
class Echo:
    def __iter__(self):
        return self

    def __next__(self):
        return "next"

    def throw(self, *args):
        print("delegate throw got", args)
        if args[0] == "stop":
            raise StopIteration("finished")
        return "thrown back"


def outer():
    result = yield from Echo()
    print("outer resumed with", result)
    yield "after"


def middle():
    yield from outer()


g = middle()
print(next(g))
print(g.throw(42))
print(g.throw("two", "args"))
print(g.throw("stop"))


def plain():
    try:
        yield 1
    except TypeError as e:
        print("never: the TypeError comes from throw() itself", e)
    yield 2


p = plain()
next(p)
try:
    p.throw(42)
except TypeError as e:
    print("TypeError", e)
print(next(p, "exhausted"))


def delegating_to_plain():
    try:
        yield from plain()
    except TypeError as e:
        print("caught at the yield from:", e)
        yield "recovered"


d = delegating_to_plain()
next(d)
print(d.throw(7))
