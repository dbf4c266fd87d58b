# Members can carry tuples unpacked by __init__, methods, properties and
# class methods; _missing_ answers values that are not members.
from enum import Enum


class Planet(Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return round(6.673e-11 * self.mass / (self.radius * self.radius), 2)

    def describe(self):
        return f"{self.name.title()} pulls {self.gravity}"

    @classmethod
    def heaviest(cls):
        return max(cls, key=lambda p: p.mass)


class Answer(Enum):
    YES = "y"
    NO = "n"

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            return cls(value[:1].lower())
        return None


print(Planet.EARTH.value, Planet.EARTH.describe(), Planet.heaviest())
print(Answer("Yes"), Answer("NOPE"))
try:
    Answer(3)
except ValueError as e:
    print("ValueError", e)
