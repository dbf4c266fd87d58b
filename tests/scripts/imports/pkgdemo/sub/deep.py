# Relative imports one level up (the package this module is in).
print("init pkgdemo.sub.deep")
from . import other
from .other import X
print("deep sees", other.__name__, X)
