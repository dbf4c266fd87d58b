# atexit runs its functions after the program, last registered first, with
# their arguments; an exception in one is reported and the next still runs.
import atexit


def greet(name, punct="."):
    print("goodbye", name + punct)


def fails():
    raise RuntimeError("at exit")


def dropped():
    print("never")


print(atexit.register(greet, "first") is greet)
atexit.register(greet, "second", punct="!")
atexit.register(fails)
atexit.register(dropped)
atexit.register(dropped)
atexit.unregister(dropped)
print("end of the program")
