# A folder without __init__.py inside a package is a namespace package.
import os.path
import pkgdemo.nsub.part
ns = pkgdemo.nsub
print(ns.__name__, ns.__package__, ns.__file__)
print([os.path.basename(p) for p in ns.__path__])
print(ns.part.PART, ns.part.__package__)
