# functools.partial: stored arguments first, keywords merged (given ones win),
# nested partials flattened, attributes and repr as CPython's.
from functools import partial


def show(a, b, c=3, *rest, key=None, **more):
    return (a, b, c, rest, key, more)


p = partial(show, 1, key="k")
print(p(2), p(2, 4, 5, 6), p(2, key="given", extra=1), p.func is show, p.args, p.keywords)
q = partial(p, 9, extra=2)
print(q(), q.args, q.keywords, q.func is show)
print(repr(partial(max, 1, key=abs)), repr(partial(print))[:26])
print(partial(int, base=2)("101"), list(map(partial(pow, 2), range(5))))


class Tagged(partial):
    pass


print(Tagged(show, 1)(2), type(Tagged(show, 1)).__name__)
for bad in (lambda: partial(), lambda: partial(3), lambda: partial(show)(1)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
