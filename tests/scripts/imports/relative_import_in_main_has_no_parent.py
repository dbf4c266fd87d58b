# The main script is in no package, so a relative import cannot start.
try:
    from . import anything
except ImportError as e:
    print(type(e).__name__, e)
try:
    from .pkgdemo import leaf
except ImportError as e:
    print(type(e).__name__, e)
