# Positional sub-patterns come before keyword ones.
class P:
    pass
match P():
    case P(x=1, 2, 3):
        pass
