# `import a.b.c` runs a, then a.b, then a.b.c, caches each by its full name, binds a.
import sys
import pkgdemo.sub.other
print(sorted(k for k in sys.modules if k.startswith("pkgdemo")))
print(pkgdemo.__name__, "sub" in dir(), "other" in dir())
print(pkgdemo.sub.other.X)
