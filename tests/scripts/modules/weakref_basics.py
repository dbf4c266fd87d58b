# weakref: references that do not keep their object alive, callbacks, proxies.
import gc
import weakref


def gen():
    yield "foo!"


wr = weakref.ref(gen)
print(wr() is gen, type(wr).__name__, weakref.ref is weakref.ReferenceType)
gi = gen()
wr = weakref.ref(gi)
print(wr() is gi)
p = weakref.proxy(gi)
print(list(p))


class Node:
    def __init__(self, name):
        self.name = name

    def hello(self, x):
        return f"{self.name} says {x}"


deaths = []


def make():
    # The node lives only in this call; the references outlive it.
    n = Node("a")
    r = weakref.ref(n)
    px = weakref.proxy(n)
    print(r().name, px.name, px.hello(1), r == weakref.ref(n), hash(r) == hash(n))
    px.name = "b"
    print(n.name, r() is n, bool(px))
    return r, px, weakref.ref(n, lambda ref: deaths.append(ref() is None))


r, px, r2 = make()
gc.collect()
print(r(), r2(), deaths, r == r2, r == r)
try:
    px.name
except ReferenceError as e:
    print("ReferenceError:", e)
keep = Node("kept")
r3 = weakref.ref(keep)
gc.collect()
print(r3().name, gc.isenabled())
for bad in (1, "s", (1,), [1], {}, None, len):
    try:
        weakref.ref(bad)
    except TypeError as e:
        print("TypeError:", e)
