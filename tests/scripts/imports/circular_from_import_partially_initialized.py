# A circular from-import of a name not yet defined names the partial module.
import sys
try:
    import partialpkg
except ImportError as e:
    print(type(e).__name__, e)
print(sorted(k for k in sys.modules if k.startswith("partialpkg")))
