# Finalizers still alive at exit run then, newest first, unless atexit is off.
import weakref


class A:
    pass


keep = [A(), A(), A()]
weakref.finalize(keep[0], print, "first, runs last")
weakref.finalize(keep[1], print, "second, runs first")
quiet = weakref.finalize(keep[2], print, "never printed")
quiet.atexit = False
print("end of the program")
