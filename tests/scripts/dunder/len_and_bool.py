class Bag:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
class Flag:
    def __init__(self, b):
        self.b = b
    def __bool__(self):
        return self.b
print(len(Bag(3)), bool(Bag(0)), bool(Bag(2)), bool(Flag(False)), not Flag(True))
if Bag(0):
    print("no")
else:
    print("empty bag is falsy")
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print(type(e).__name__, e)
