# type(name, bases, ns) with a base whose metaclass is M makes the class with
# M: M.__new__ and M.__init__ run; type.__new__ checks its arguments.
class Meta(type):
    def __new__(mcs, name, bases, ns):
        print("Meta.__new__", name, sorted(ns))
        return super().__new__(mcs, name, bases, ns)

    def __init__(cls, name, bases, ns):
        print("Meta.__init__", name)


class Base(metaclass=Meta):
    pass


Made = type("Made", (Base,), {"x": 1})
print(type(Made).__name__, Made.x, Made.__module__, Made.__bases__)
Direct = type.__new__(Meta, "Direct", (), {})
print(type(Direct).__name__)
for args in [(Meta,), (1, "a", (), {}), (int, "a", (), {}), (Meta, "a", 1, {}), (Meta, 5, (), {})]:
    try:
        type.__new__(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    type("a", (), {}, 1)
except TypeError as e:
    print("TypeError", e)
