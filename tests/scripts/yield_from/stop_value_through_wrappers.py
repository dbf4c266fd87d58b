# A StopIteration that ends an iterator keeps its value when map, zip,
# enumerate or filter wrap that iterator: next() shows it in the args, and
# `yield from` returns it. Loops and list() still just stop.


class Countdown:
    def __init__(self, n, result):
        self.n = n
        self.result = result

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration(self.result)
        self.n -= 1
        return self.n


def stop_args(label, make):
    try:
        next(make())
        print(label, "no StopIteration")
    except StopIteration as e:
        print(label, e.args, e.value)


stop_args("class", lambda: Countdown(0, 42))
stop_args("enumerate", lambda: enumerate(Countdown(0, 42)))
stop_args("map", lambda: map(str, Countdown(0, 42)))
stop_args("zip", lambda: zip(Countdown(0, 42), "abc"))
stop_args("filter", lambda: filter(None, Countdown(0, 42)))
stop_args("nested", lambda: enumerate(map(str, zip(Countdown(0, 7)))))


def returns(value):
    yield "only"
    return value


g = map(str.upper, returns("done"))
print(next(g))
stop_args("generator return through map", lambda: g)
stop_args("generator return None", lambda: map(str, returns(None)))


def half_or_stop(x):
    if x < 3:
        return x / 2
    raise StopIteration("from the function")


def delegate(it):
    result = yield from it
    print("yield from returned", repr(result))


print(list(delegate(map(half_or_stop, range(10)))))
print(list(delegate(enumerate(Countdown(2, "counted")))))
print(list(delegate(zip(Countdown(3, "zipped"), "abcdef"))))
print(list(delegate(map(str.upper, returns("mapped")))))
print(list(delegate(Countdown(1, "plain"))))

# Consumers that only iterate drop the value, as CPython does.
print(list(map(half_or_stop, range(10))))
print(sorted(enumerate(Countdown(3, "ignored"))))
print([x for x in zip(Countdown(2, "x"), Countdown(5, "y"))])

try:
    print(list(zip(Countdown(2, "a"), Countdown(3, "b"), strict=True)))
except ValueError as e:
    print("ValueError:", e)
print(list(zip(Countdown(2, "a"), Countdown(2, "b"), strict=True)))
print(next(map(str, Countdown(0, 1)), "default"))
