# `from .. import x` and `from ..x import y` reach the package above.
import pkgdemo.sub.up
print(pkgdemo.sub.up.leaf is pkgdemo.leaf)
