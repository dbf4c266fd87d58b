class Meters:
    def __init__(self, m):
        self.m = m
    def __add__(self, other):
        if isinstance(other, Meters):
            return Meters(self.m + other.m)
        if isinstance(other, int):
            return Meters(self.m + other)
        return NotImplemented
    def __radd__(self, other):
        print("radd with", other)
        return self + other
    def __repr__(self):
        return "Meters(%d)" % self.m
print(Meters(1) + Meters(2), Meters(1) + 5, 5 + Meters(1))
print(sum([Meters(1), Meters(2)]))
try:
    Meters(1) + "x"
except TypeError as e:
    print(type(e).__name__, e)
