class Point:
    def __init__(self):
        self.x = 1
        self.y = 2
    def move(self):
        pass
print([n for n in dir(Point()) if not n.startswith("_")])
import math
names = dir(math)
print("sqrt" in names, "pi" in names, "floor" in names)
def f():
    a = 1
    b = 2
    return dir()
print(f())
