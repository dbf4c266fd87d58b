# Which objects can be weakly referenced: as CPython, not plain values.
import weakref


class I(int):
    pass


class T(tuple):
    pass


class S(str):
    pass


class L(list):
    pass


class E(Exception):
    pass


def gen():
    yield


for v in (None, True, 0, 1.5, "", b"", (), [], {}, range(1), slice(1), Ellipsis,
          NotImplemented, object(), iter([]), ValueError(), property(), I(), T(),
          weakref.ref(gen)):
    try:
        weakref.ref(v)
        print(type(v).__name__, "ok")
    except TypeError as e:
        print("TypeError:", e)
for v in (S(), L(), E(), gen, gen(), I, set(), frozenset(),
          print, weakref):
    print(type(weakref.ref(v)).__name__, weakref.ref(v)() is v)
