# After a submodule is imported it is an attribute of its parent package.
import sys
import pkgdemo
print(hasattr(pkgdemo, "leaf"))
import pkgdemo.leaf
print(hasattr(pkgdemo, "leaf"), pkgdemo.leaf is sys.modules["pkgdemo.leaf"])
