# `from . import x` and `from .x import y` inside a package's module.
import pkgdemo.sub.deep
print(pkgdemo.sub.deep.other is pkgdemo.sub.other)
