# `from pkg import sub` imports pkg.sub when it is not yet an attribute of pkg.
import sys
from pkgdemo import leaf
print(leaf.__name__, leaf.VALUE, "pkgdemo.leaf" in sys.modules)
from pkgdemo.sub import other, deep
print(deep.X)
