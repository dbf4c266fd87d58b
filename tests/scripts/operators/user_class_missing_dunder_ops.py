class V:
    def __init__(self, x):
        self.x = x
    def __add__(self, o):
        return V(self.x + o.x)
    def __repr__(self):
        return "V(%r)" % self.x
print(V(1) + V(2))
for f in [lambda: V(1) - V(2), lambda: V(1) * 3, lambda: 3 + V(1), lambda: V(1) < V(2)]:
    try:
        f()
    except TypeError as e:
        print(e)
