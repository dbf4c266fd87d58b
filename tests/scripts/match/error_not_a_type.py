# The name called in a class pattern must be a type; checked when the case is tried.
def factory():
    return 1

for v in ["skip", 1]:
    try:
        match v:
            case str():
                print("a string first")
            case factory():
                print("never")
    except TypeError as e:
        print(type(e).__name__, e)
