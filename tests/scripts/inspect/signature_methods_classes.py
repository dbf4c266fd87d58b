# Bound methods drop self; classes show __init__ (or __new__); instances show __call__;
# @functools.wraps wrappers show the wrapped function unless follow_wrapped=False.
import functools
from inspect import signature, Signature
class B:
    def m(self, x, y=1): pass
    @staticmethod
    def sm(x, y): pass
    @classmethod
    def cm(cls, x): pass
    def va(*args): pass
    def __call__(self, q, *, r=2): pass
b = B()
for f in (B.m, b.m, B.sm, b.sm, B.cm, b.cm, b.va, b):
    print(signature(f))
class C:
    def __init__(self, a, b=5): pass
class D(C): pass
class E:
    def __new__(cls, x, *rest): return object.__new__(cls)
class F: pass
for cls in (C, D, E, F):
    print(cls.__name__, signature(cls), Signature.from_callable(cls))
def deco(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)
    return wrapper
def wraps_deco(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)
    return wrapper
@deco
def f6(a, b): pass
@wraps_deco
def f7(a, b=2): pass
print(signature(f6), signature(f7), signature(f7, follow_wrapped=False))
def base(a, b, c=3, *, d=4): pass
print(signature(functools.partial(base, 1)), signature(functools.partial(base, 1, 2, d=5)))
print(signature(functools.partial(base, b=7)))
