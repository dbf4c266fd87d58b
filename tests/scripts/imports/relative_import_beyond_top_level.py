# More dots than there are packages above is an ImportError.
import sys
try:
    import pkgdemo.sub.beyond
except ImportError as e:
    print(type(e).__name__, e)
print("pkgdemo.sub.beyond" in sys.modules, hasattr(sys.modules["pkgdemo.sub"], "beyond"))
