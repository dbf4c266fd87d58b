# A pattern may bind a name only once.
match [1, 2]:
    case [x, [y, x]]:
        pass
