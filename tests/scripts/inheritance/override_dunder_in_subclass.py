class Base:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return type(self).__name__ + "(" + repr(self.v) + ")"
    def __eq__(self, other):
        return type(self) is type(other) and self.v == other.v
class Child(Base):
    pass
print(Base(1), Child("x"), [Child(2)])
print(Base(1) == Base(1), Base(1) == Child(1))
