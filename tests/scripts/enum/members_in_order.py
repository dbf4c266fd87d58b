# An Enum's members: name and value, iteration in definition order, len,
# CPython's repr and str, and the class's own repr.
from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


for member in Color:
    print(member.name, member.value, repr(member), str(member), f"[{member}]")
print(len(Color), list(Color), repr(Color), Color)
print(type(Color.RED) is Color, isinstance(Color.RED, Color), type(Color).__name__)
print(list(reversed(Color)), format(Color.GREEN, ">12"), "%s" % Color.BLUE)
