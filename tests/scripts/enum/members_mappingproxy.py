# __members__ is a read-only mappingproxy of name -> member, aliases too.
from enum import Enum


class Tone(Enum):
    LOW = 1
    HIGH = 2
    BASS = 1


m = Tone.__members__
print(type(m).__name__, len(m), "BASS" in m, m["BASS"], m.get("NONE"))
print(repr(m))
print(list(m.keys()), list(m.values()))
try:
    m["NEW"] = 3
except TypeError as e:
    print("TypeError", e)
