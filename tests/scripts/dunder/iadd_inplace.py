class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, x):
        self.items.append(x)
        return self
    def __repr__(self):
        return "Acc%r" % (self.items,)
a = Acc()
b = a
a += 1
a += 2
print(a, a is b)
