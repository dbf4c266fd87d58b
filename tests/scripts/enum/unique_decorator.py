# @unique refuses aliases, naming each one.
from enum import Enum, unique


@unique
class Fine(Enum):
    ONE = 1
    TWO = 2


print(list(Fine))
try:
    @unique
    class Clash(Enum):
        A = 1
        B = 1
        C = 2
        D = 2
        E = 3
except ValueError as e:
    print("ValueError", e)
