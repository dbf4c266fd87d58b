# `as _` is refused: _ is never a target in a pattern.
match 1:
    case int() as _:
        pass
