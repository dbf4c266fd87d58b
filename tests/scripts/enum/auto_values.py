# auto() numbers Enum members from 1, on from the last value; Flag members
# get the next power of two; _generate_next_value_ can change the rule.
from enum import Enum, Flag, auto


class Step(Enum):
    FIRST = auto()
    SECOND = auto()
    TENTH = 10
    ELEVENTH = auto()


class Opt(Flag):
    A = auto()
    B = auto()
    C = auto()


class Named(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower() + str(count)

    NORTH = auto()
    SOUTH = auto()


print([(m.name, m.value) for m in Step])
print([(m.name, m.value) for m in Opt], repr(Opt.A | Opt.C))
print([m.value for m in Named], repr(auto()))
