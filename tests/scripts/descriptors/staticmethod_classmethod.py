# staticmethod and classmethod, through instances, classes, subclasses and super().
class Shape:
    count = 0

    def __init__(self, name):
        self.name = name

    @staticmethod
    def unit(n):
        return n * 10

    @classmethod
    def make(cls, name):
        cls.count += 1
        return cls(name)

    @classmethod
    def kind(cls):
        return cls.__name__


class Square(Shape):
    @classmethod
    def kind(cls):
        return "square:" + super().kind()


s = Square.make("a")
print(type(s).__name__, s.name, Square.count, Shape.count)
print(Shape.unit(2), s.unit(3), Square.kind(), s.kind())
sm = Shape.__dict__["unit"]
cm = Shape.__dict__["make"]
print(type(sm).__name__, type(cm).__name__, sm.__func__(4), cm.__func__ is Shape.make.__func__)
print(sm(5), Shape.make.__self__ is Shape)
print(isinstance(staticmethod(len), staticmethod), classmethod(len).__func__ is len)
