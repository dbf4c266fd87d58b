# Too many positional sub-patterns for __match_args__ (or a class without it).
class Pair:
    __match_args__ = ("a", "b")
    def __init__(self):
        self.a, self.b = 1, 2

class Bare:
    pass

for pattern in ["Pair(x, y, z)", "Bare(x)", "int(x, y)"]:
    try:
        match Pair() if pattern[0] == "P" else (Bare() if pattern[0] == "B" else 5):
            case Pair(x, y, z):
                pass
            case Bare(x):
                pass
            case int(x, y):
                pass
    except TypeError as e:
        print(pattern, "->", type(e).__name__, e)
