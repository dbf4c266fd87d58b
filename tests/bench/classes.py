# classes: 2M method calls and 6M attribute reads on 1,000 small objects
# (issue 4, item 9). Measures instance attribute lookup, method lookup through a
# base class, bound-method calls, super().__init__ and object creation.


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Particle(Vec):
    def __init__(self, x, y, m):
        super().__init__(x, y)
        self.m = m

    def energy(self):
        return self.m * self.dot(self)


def main():
    ps = [Particle(i % 10, i % 7, i % 3 + 1) for i in range(1000)]
    total = 0
    for r in range(1000):
        for p in ps:
            total += p.energy() + p.m
        v = Vec(r, -r)
        total += v.x - v.y
    print(total)


main()
