# IntEnum members are ints: arithmetic, comparison with ints, sorting; their
# repr is the enum's, their str and format the int's (CPython 3.11).
from enum import IntEnum


class Priority(IntEnum):
    LOW = 1
    MEDIUM = 5
    HIGH = 10


print(repr(Priority.HIGH), str(Priority.HIGH), f"{Priority.HIGH}", f"{Priority.LOW:03d}")
print(Priority.LOW + 1, Priority.HIGH * 2, Priority.MEDIUM == 5, Priority.LOW < Priority.HIGH)
print(sorted([Priority.HIGH, 3, Priority.LOW]), max(Priority), Priority(5))
print(isinstance(Priority.LOW, int), int(Priority.MEDIUM), [1, 2, 3, 4, 5, 6][Priority.MEDIUM])
print("%d|%s|%r" % (Priority.HIGH, Priority.HIGH, Priority.HIGH))
print({Priority.LOW: "a"}[1], hash(Priority.LOW) == hash(1))
