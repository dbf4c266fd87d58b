# A name that is neither an attribute nor a submodule: CPython names the file.
try:
    from pkgdemo import nothere
except ImportError as e:
    print(type(e).__name__, e)
try:
    from pkgdemo.sub import nothere
except ImportError as e:
    print(type(e).__name__, e)
