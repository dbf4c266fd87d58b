# sys.excepthook prints an exception with its traceback to stderr.
import sys


def fail():
    raise KeyError("missing")


try:
    fail()
except KeyError:
    sys.excepthook(*sys.exc_info())
print("still running", sys.excepthook is sys.__excepthook__)
sys.excepthook(int, 5, None)
print("done")
