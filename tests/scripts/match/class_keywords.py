# Class patterns check isinstance, then the named attributes.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

def where(p):
    match p:
        case Point3(z=0):
            return "flat 3d"
        case Point(x=0, y=0):
            return "origin"
        case Point(x=0, y=y):
            return f"on the y axis at {y}"
        case Point(missing=1):
            return "never: no such attribute"
        case Point():
            return "somewhere"
    return "not a point"

for p in [Point(0, 0), Point(0, 4), Point(1, 1), Point3(1, 2, 0), (0, 0)]:
    print(where(p))
