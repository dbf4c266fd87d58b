# Color(value) and Color['NAME'] find the member; a bad value is CPython's
# ValueError, a bad name a KeyError.
from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = "green"
    BLUE = (0, 0, 255)


print(Color(1), Color("green"), Color((0, 0, 255)), Color["RED"], Color(Color.RED))
print(Color(1) is Color.RED, Color["BLUE"] is Color.BLUE, getattr(Color, "GREEN"))
for bad in (5, "RED", None):
    try:
        Color(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    Color["PURPLE"]
except KeyError as e:
    print("KeyError", e)
print(Color.RED in Color, "RED" in Color.__members__)
