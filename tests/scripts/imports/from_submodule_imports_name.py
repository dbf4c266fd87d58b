# `from a.b import name` imports a, then a.b, and binds the name only.
from pkgdemo.leaf import VALUE
print(VALUE)
print("pkgdemo" in dir(), "leaf" in dir())
