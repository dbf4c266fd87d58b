# Members are singletons compared with `is` and ==, hashable (dict keys, set
# items), and unordered: < between members is a TypeError.
from enum import Enum


class Suit(Enum):
    HEARTS = "h"
    SPADES = "s"


counts = {Suit.HEARTS: 3, Suit.SPADES: 1}
counts[Suit("h")] += 1
print(counts)
print({Suit.HEARTS, Suit.HEARTS, Suit.SPADES} == {Suit.SPADES, Suit.HEARTS})
print(Suit.HEARTS == Suit.HEARTS, Suit.HEARTS != Suit.SPADES, Suit.HEARTS == "h")
print(hash(Suit.HEARTS) == hash(Suit("h")), Suit.HEARTS is Suit["HEARTS"])
try:
    Suit.HEARTS < Suit.SPADES
except TypeError as e:
    print("TypeError", e)
print(sorted(Suit, key=lambda s: s.value, reverse=True))
