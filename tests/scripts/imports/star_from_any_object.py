# from m import * where sys.modules holds a class, an instance or an object
# with __all__: the names come from __all__, else from the public __dict__.
import sys


class Namespace:
    x = "class x"
    _hidden = "not imported"

    def __init__(self):
        self.x = "instance x"


sys.modules["ns_class"] = Namespace
from ns_class import *
print(x, "_hidden" in globals())

sys.modules["ns_inst"] = Namespace()
from ns_inst import *
print(x)


class Listed:
    __all__ = ("y", "_z")
    x = "not listed"
    y = "listed y"
    _z = "listed _z"


x = "unchanged"
sys.modules["ns_listed"] = Listed
from ns_listed import *
print(x, y, _z)


class Seq:  # __all__ is read by index until IndexError
    def __getitem__(self, i):
        return ["w", "v"][i]


class Indexed:
    __all__ = Seq()
    w = "by index"
    v = "again"


sys.modules["ns_seq"] = Indexed
from ns_seq import *
print(w, v)

def gen():
    yield "w"


for bad in (5, type("BadAll", (), {"__all__": (1,)}), type("GenAll", (), {"__all__": gen()})):
    sys.modules["ns_bad"] = bad
    try:
        exec("from ns_bad import *", {})
    except (ImportError, TypeError) as e:
        print(type(e).__name__, e)
