# `import` goes through builtins.__import__ when a program replaces it (with
# the name, globals, locals, fromlist and level); a relative import outside a
# package is CPython's ImportError.
import builtins

try:
    from .sibling import thing
except ImportError as e:
    print("ImportError:", e)

original = builtins.__import__


def traced(name, globals=None, locals=None, fromlist=(), level=0):
    print("import", name, fromlist, level, locals is globals, type(globals).__name__)
    return original(name, globals, locals, fromlist, level)


builtins.__import__ = traced
import math
from math import sqrt, pi
print(sqrt(16.0), math.floor(pi))


def inside():
    import math
    print(math.factorial(5), "inside a function")


inside()


class AnswerModule:  # what the replacement hands back for any name
    answer = 42


builtins.__import__ = lambda *args: AnswerModule
import anything_at_all
from nowhere import answer
print(anything_at_all is AnswerModule, answer)
builtins.__import__ = original
import string
print(string.ascii_lowercase[:3])
