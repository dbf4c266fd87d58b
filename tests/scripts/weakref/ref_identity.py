# ref(obj) without a callback is one shared weakref; with a callback each is new.
import gc
import weakref


class A:
    pass


def cb(r):
    pass


a = A()
r = weakref.ref(a)
print(r is weakref.ref(a), r is weakref.ref(a, None), weakref.ref(a, cb) is r)
print(weakref.ref(a, cb) is weakref.ref(a, cb), weakref.proxy(a) is weakref.proxy(a))
gc.collect()
print(r is weakref.ref(a), r() is a)
b = A()
print(weakref.ref(b) is r, weakref.ref(b)() is b)
