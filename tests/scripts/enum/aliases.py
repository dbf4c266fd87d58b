# A second name for a value is an alias: the same member, left out of
# iteration and len, but listed in __members__.
from enum import Enum


class Shape(Enum):
    SQUARE = 2
    DIAMOND = 1
    CIRCLE = 3
    ALIAS_FOR_SQUARE = 2


print(Shape.ALIAS_FOR_SQUARE, Shape.ALIAS_FOR_SQUARE is Shape.SQUARE, Shape(2).name)
print(list(Shape), len(Shape))
print(list(Shape.__members__))
print([(name, m.name) for name, m in Shape.__members__.items() if name != m.name])
print(Shape.__members__)
