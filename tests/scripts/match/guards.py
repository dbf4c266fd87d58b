# A guard is tested after the pattern bound its names; if it fails, the next case runs
# (the names stay bound, as in CPython).
def sign(v):
    match v:
        case int(n) if n > 0:
            return "positive"
        case int(n) if n < 0:
            return "negative"
        case _ if v == 0:
            return "zero"
        case _:
            return "not an int"

for v in [5, -5, 0, "x"]:
    print(v, sign(v))

match 3:
    case x if x > 10:
        print("big")
    case _:
        print("guard failed, x is still", x)
