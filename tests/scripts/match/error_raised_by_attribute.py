# Errors other than AttributeError from an attribute propagate out of the match.
class Lazy:
    __match_args__ = ("value",)
    @property
    def value(self):
        raise RuntimeError("not computed yet")
    @property
    def other(self):
        raise AttributeError("absent")

match Lazy():
    case Lazy(other=1):
        print("never")
    case Lazy(other=_):
        print("never either")
    case Lazy():
        print("an AttributeError just means no match")
match Lazy():
    case Lazy(v):
        print(v)
