# None, True and False are compared with `is`: 1 is not True, 0 is not False.
def which(v):
    match v:
        case True:
            return "True"
        case False:
            return "False"
        case None:
            return "None"
        case 1:
            return "one"
        case 0:
            return "zero"
    return "no case"

for v in [True, False, None, 1, 0, 1.0, "", []]:
    print(repr(v), "->", which(v))
