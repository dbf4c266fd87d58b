# A class's own __new__: what it returns, when __init__ runs, object.__new__.
class Point:
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        return super().__new__(cls)

    def __init__(self, x, y):
        print("init", x, y)
        self.x, self.y = x, y


class Singleton:
    _one = None

    def __new__(cls):
        if cls._one is None:
            cls._one = object.__new__(cls)
        return cls._one


class Other:
    def __new__(cls, v):
        return v * 2

    def __init__(self, v):
        print("never runs")


class Sub(Point):
    pass


p = Point(1, 2)
print(p.x, p.y, type(Sub(3, 4)).__name__)
print(Singleton() is Singleton(), Other(21))
bare = object.__new__(Point)
print(type(bare).__name__, hasattr(bare, "x"))
print(type(Point.__dict__["__new__"]).__name__)


class NoInit:
    pass


for make in [lambda: object.__new__(NoInit, 1), lambda: NoInit(1), lambda: object.__new__(Point, 1),
             lambda: object.__new__(list), lambda: object.__new__(5)]:
    try:
        make()
        print("made")
    except TypeError as e:
        print("TypeError", e)
