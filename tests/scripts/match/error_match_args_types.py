# __match_args__ must be a tuple of strings.
class ListArgs:
    __match_args__ = ["a"]
    a = 1

class IntArgs:
    __match_args__ = ("a", 2)
    a = 1

for subject in [ListArgs(), IntArgs()]:
    try:
        match subject:
            case ListArgs(x):
                print("list", x)
            case IntArgs(x, y):
                print("int", x, y)
    except TypeError as e:
        print(type(e).__name__, e)
