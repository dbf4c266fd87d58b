# An atexit callback that raises reaches sys.unraisablehook with the message
# "Exception ignored in atexit callback" and the callback as its object.
import atexit
import sys


def hook(unraisable):
    print("hook:", unraisable.err_msg, unraisable.object.__name__,
          unraisable.exc_type.__name__, unraisable.exc_value)


def failing():
    raise RuntimeError("at exit")


sys.unraisablehook = hook
atexit.register(failing)
print("main done")
