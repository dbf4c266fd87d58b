# A module without __path__ is not a package: it has no submodules.
try:
    import pkgdemo.leaf.inner
except ImportError as e:
    print(type(e).__name__, e)
try:
    import os.nothing
except ImportError as e:
    print(type(e).__name__, e)
