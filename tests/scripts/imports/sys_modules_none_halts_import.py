# None in sys.modules blocks an import; deleting entries makes it run again.
import sys
sys.modules["pkgdemo"] = None
try:
    import pkgdemo
except ImportError as e:
    print(type(e).__name__, e)
try:
    import pkgdemo.leaf
except ImportError as e:
    print(type(e).__name__, e)
del sys.modules["pkgdemo"]
import pkgdemo.leaf
del sys.modules["pkgdemo.leaf"]
import pkgdemo.leaf
print(pkgdemo.leaf.VALUE)
