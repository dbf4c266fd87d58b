# gc.collect() finds dead an object whose last use was a value the calling
# function computed and dropped (Baton's frames keep popped values in their
# operand stack until reused; collect() clears the caller's).
import gc
import weakref


class Thing:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Thing(%s)" % self.name


def dropped_after_use():
    t = Thing("a")
    r = weakref.ref(t, lambda ref: print("callback: gone"))
    print(r() is t, r())
    del t
    gc.collect()
    print("after collect:", r())


def inside_an_expression():
    t = Thing("b")
    r = weakref.ref(t)
    del t
    print("collected:", gc.collect() >= 0, r())


dropped_after_use()
inside_an_expression()
kept = Thing("c")
r = weakref.ref(kept)
print(r() is kept)
gc.collect()
print("still here:", r())
