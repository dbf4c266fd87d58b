# The ModuleNotFoundError names the first part that is missing.
for name in ["pkgdemo.nothere", "pkgdemo.sub.nothere.deeper", "no_such_pkg.sub"]:
    try:
        __import__(name)
    except ImportError as e:
        print(type(e).__name__, e)
