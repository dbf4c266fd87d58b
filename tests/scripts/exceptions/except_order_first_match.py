try:
    raise ZeroDivisionError("z")
except ArithmeticError as e:
    print("ArithmeticError clause got", type(e).__name__)
except ZeroDivisionError:
    print("never reached")
try:
    {}["x"]
except Exception:
    print("Exception clause")
except KeyError:
    print("unreachable")
