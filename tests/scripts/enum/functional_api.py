# Enum('Name', names): the functional form, from a string, a list of
# names, pairs, or a mapping.
from enum import Enum, IntEnum

Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, repr(Animal))
Pet = Enum("Pet", ["DOG", "FISH"])
print(list(Pet), Pet(2))
Code = Enum("Code", [("OK", 200), ("MISSING", 404)])
print(Code(404), Code.OK.value)
Level = IntEnum("Level", {"LOW": 1, "HIGH": 9})
print(list(Level), Level.HIGH + 1, str(Level.LOW))
