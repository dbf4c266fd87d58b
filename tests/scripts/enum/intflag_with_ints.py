# IntFlag members are ints: they mix with plain ints, keep unknown bits,
# and print as ints with str().
from enum import IntFlag


class Mode(IntFlag):
    READ = 4
    WRITE = 2
    EXEC = 1


rw = Mode.READ | Mode.WRITE
print(repr(rw), str(rw), rw == 6, rw + 1, f"{rw}")
print(repr(Mode.READ | 8), repr(Mode(16)), repr(Mode(0)), repr(~Mode.READ))
print(Mode.WRITE in rw, isinstance(rw, int), Mode(7), repr(Mode(7)))
print(list(Mode(5)), 6 & Mode.READ, repr(Mode.READ & 6))
