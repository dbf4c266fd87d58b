# Functions, bound methods, builtins, classes and modules hash (by identity);
# dict views do not, and a method hashes even when its self does not.
import sys


def f():
    pass


class C:
    def m(self):
        pass


c = C()
things = [f, c.m, len, C, int, sys, C.m, property(), staticmethod(f)]
for x in things:
    print(type(x).__name__, hash(x) == hash(x))
print(c.m == c.m, hash(c.m) == hash(c.m), {f: 1, C: 2, len: 3}[C])
print(len({c.m, c.m, C().m}), len({len, len, print}), hash(things.append) == hash(things.append))
d = {1: 2}
for view in [d.keys(), d.values(), d.items()]:
    try:
        hash(view)
    except TypeError as e:
        print("TypeError", e)
