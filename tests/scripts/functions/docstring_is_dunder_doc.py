# A function's docstring is its __doc__; other strings and lambdas give None.
def documented(x):
    "Return x twice."
    return x * 2


def later_string():
    y = 1
    "not a docstring"
    return y


def returns_string():
    return "text"


class Holder:
    def method(self):
        """Multi-line
        docstring."""


print(documented.__doc__)
print(later_string.__doc__, returns_string.__doc__, (lambda: "x").__doc__)
print(repr(Holder.method.__doc__), Holder().method.__doc__ == Holder.method.__doc__)
documented.__doc__ = "changed"
print(documented.__doc__)
