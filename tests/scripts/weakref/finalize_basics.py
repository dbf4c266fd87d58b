# weakref.finalize: alive, peek, detach, calling it, its atexit flag and repr.
import weakref


class A:
    pass


def callback(*args, **kwargs):
    print("callback", args, kwargs)
    return 42


a = A()
f = weakref.finalize(a, callback, 1, 2, kwarg=3)
print(f.alive, f.atexit, repr(f).startswith("<finalize object at"), "for 'A'" in repr(f))
obj, func, args, kwargs = f.peek()
print(obj is a, func is callback, args, kwargs)
print(f(), f.alive, f(), f.peek(), f.detach(), repr(f).endswith("; dead>"))

g = weakref.finalize(a, callback)
g.atexit = False
print(g.atexit, len(g.detach()), g.alive, g.atexit, g.detach())

try:
    weakref.finalize(1, callback)
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.finalize(a)
except TypeError as e:
    print("TypeError:", e)
