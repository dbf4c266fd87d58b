# Flag members combine with |, &, ^ and ~; `in` tests bits; a combination
# is a member too, printed with its parts.
from enum import Flag


class Perm(Flag):
    R = 4
    W = 2
    X = 1


rw = Perm.R | Perm.W
print(repr(rw), str(rw), rw.value, rw.name)
print(Perm.R in rw, Perm.X in rw, (Perm.R | Perm.X) in rw)
print(repr(rw & Perm.W), repr(rw & Perm.X), repr(rw ^ Perm.R), repr(~Perm.R), repr(~rw))
print(bool(rw & Perm.X), bool(Perm.R), repr(Perm(0)), str(Perm(0)))
print(list(rw), len(rw), list(Perm), len(Perm))
print(repr(Perm(7)), Perm(6) is rw, Perm.R | Perm.W is rw)
try:
    Perm.R | 1
except TypeError as e:
    print("TypeError", e)
try:
    Perm(8)
except ValueError as e:
    print("ValueError", e)
