# importlib.import_module returns the module itself, absolute or relative to a package.
import importlib
import sys
leaf = importlib.import_module("pkgdemo.leaf")
print(leaf.__name__, leaf is sys.modules["pkgdemo.leaf"])
other = importlib.import_module(".other", "pkgdemo.sub")
print(other.X)
up = importlib.import_module("..leaf", "pkgdemo.sub")
print(up is leaf)
print(importlib.import_module("pkgdemo") is sys.modules["pkgdemo"])
for args in [(".leaf",), ("...x", "pkgdemo.sub"), ("",), ("pkgdemo.missing",)]:
    try:
        importlib.import_module(*args)
    except (ImportError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
