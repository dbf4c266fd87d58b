# Every alternative of an or-pattern must bind the same names.
match [1]:
    case [x] | (y,):
        pass
