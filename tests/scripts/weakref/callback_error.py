# An exception in a weakref callback is printed as "Exception ignored in"
# with its traceback, and the program goes on.
import gc
import weakref


class A:
    pass


def callback(r):
    raise ValueError("in the callback", r() is None)


def make():
    a = A()
    return weakref.ref(a, callback)


r = make()
gc.collect()
print("after collect", r())
