class Shape:
    def describe(self):
        return "shape"
    def area(self):
        return 0
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def describe(self):
        return "square of side %d, a %s" % (self.s, super().describe())
    def area(self):
        return self.s ** 2 + super().area()
sq = Square(3)
print(sq.describe(), sq.area())
