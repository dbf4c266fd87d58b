# Assigning __name__, __qualname__ or __module__ to a class changes how it
# and its instances print, as in CPython; the first two must be strs, none
# can be deleted, and a __module__ that is not a str leaves the bare name.
class C: pass
C.__module__ = "elsewhere"
print(C.__module__, repr(C)[:40], repr(C())[:30], C.__dict__["__module__"])
C.__qualname__ = "Outer.C"
print(repr(C), repr(C())[:35], C.__qualname__)
C.__name__ = "D"
print(repr(C), C.__name__)
for n in ('__name__', '__qualname__', '__module__'):
    try:
        delattr(C, n)
        print('deleted', n)
    except TypeError as e:
        print(e)
for n in ('__name__', '__qualname__'):
    try:
        setattr(C, n, 5)
    except TypeError as e:
        print(e)
C.__module__ = 5
print(repr(C), C.__module__, repr(C())[:10])
class E(Exception): pass
E.__module__ = "pkg.errors"
try:
    raise E("boom")
except E as e:
    print(repr(e), type(e))
import sys
print(type(sys.version_info).__module__, int.__module__)
