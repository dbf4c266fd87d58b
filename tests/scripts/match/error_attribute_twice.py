# A positional sub-pattern and a keyword one may not fetch the same attribute.
class Point:
    __match_args__ = ("x", "y")
    x, y = 1, 2

match Point():
    case Point(1, x=1):
        print("never")
