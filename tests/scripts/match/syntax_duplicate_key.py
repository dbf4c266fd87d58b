# A mapping pattern may not name the same literal key twice (1 and 1.0 are equal).
match {}:
    case {"a": _, 1: _, 1.0: _}:
        pass
