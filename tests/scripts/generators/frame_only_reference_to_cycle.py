class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
def gen():
    a = Node("a")
    b = Node("b")
    a.other, b.other = b, a
    yield a.other.name
    yield a.other.other.name
    yield a.other.other is a
g = gen()
print(next(g), next(g), next(g))
del g
for i in range(1000):
    h = gen()
    next(h)
print("cycles held only by suspended frames were dropped", i)
