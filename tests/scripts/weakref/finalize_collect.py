# A finalizer runs when its object is collected, once, and is dead after;
# several refs and finalizers on one object run newest first.
import gc
import weakref


class A:
    pass


def make(log):
    # The object lives only in this call; what watches it outlives it.
    a = A()
    r1 = weakref.ref(a, lambda r: log.append(("ref1", r())))
    f1 = weakref.finalize(a, log.append, "finalize1")
    r2 = weakref.ref(a, lambda r: log.append(("ref2", r())))
    f2 = weakref.finalize(a, log.append, "finalize2")
    return r1, f1, r2, f2


log = []
r1, f1, r2, f2 = make(log)
gc.collect()
print(log)
print(f1.alive, f1.peek(), f1.detach(), f1(), r1(), r2())
