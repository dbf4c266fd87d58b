class Base:
    def __init__(self, x):
        print("Base.__init__", x)
        self.x = x
class Mid(Base):
    def __init__(self, x, y):
        print("Mid.__init__", y)
        super().__init__(x)
        self.y = y
class Leaf(Mid):
    def __init__(self):
        print("Leaf.__init__")
        super().__init__(1, 2)
o = Leaf()
print(o.x, o.y)
