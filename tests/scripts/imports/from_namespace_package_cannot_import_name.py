# A namespace package has no file, so the message says "unknown location".
try:
    from pkgdemo.nsub import nothere
except ImportError as e:
    print(type(e).__name__, e)
