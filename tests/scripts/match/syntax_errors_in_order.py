# The errors come in source order: a body error before a later pattern error.
for i in range(2):
    pass
match 1:
    case 1:
        continue
    case y:
        pass
    case 2:
        pass
