# Attribute reads on instances: the instance dict first, then the class MRO
# (functions bind), then __getattr__; __class__ is never shadowed.
class Base:
    kind = "base"
    def hello(self):
        return "hello from " + type(self).__name__

class Child(Base):
    def __init__(self):
        self.x = 1

c = Child()
print(c.x, c.kind, c.hello(), c.__class__.__name__)
c.kind = "instance"
c.hello = lambda: "shadowed"
print(c.kind, c.hello(), Child.kind)
c.__dict__["__class__"] = "fake"
print(c.__class__ is Child)
del c.kind
print(c.kind)
try:
    c.missing
except AttributeError as e:
    print("AttributeError:", e)

class Lazy:
    def __getattr__(self, name):
        return "computed " + name

z = Lazy()
z.real = 5
print(z.real, z.other)
points = [Child() for _ in range(3)]
for i, p in enumerate(points):
    p.y = i
print(sum(p.x + p.y for p in points))
