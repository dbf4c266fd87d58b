# `from pkg import sub` hides only the absence of sub itself, not sub's own failures.
import sys
try:
    from pkgdemo import badsub
except ImportError as e:
    print(type(e).__name__, e)
print("pkgdemo.badsub" in sys.modules)
