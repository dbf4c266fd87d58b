# A wildcard before the last case is a SyntaxError too (even inside an or-pattern).
match 3:
    case 1 | _:
        pass
    case 2:
        pass
