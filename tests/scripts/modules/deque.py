# collections.deque: both ends, bounds, indexing, rotation, iteration checks.
from collections import deque

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d.pop(), d.popleft(), d)
d.extend("ab")
d.extendleft([9, 8])
print(d, d.count(2), d.index(2), d.index("a", 2, 7), 3 in d, "z" in d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.insert(1, "x")
d.remove(9)
del d[0]
d[0] = "X"
print(d, list(reversed(d)), d.copy() == d, d.copy() is d)
d.reverse()
print(d, bool(d), bool(deque()), repr(deque()), deque(maxlen=0))
b = deque(range(5), maxlen=3)
print(b, b.maxlen, deque().maxlen)
b.append(9)
b.appendleft(-1)
print(b)
b.extend(range(10))
print(b, b + deque([1]), b * 2, 2 * deque("ab"))
c = deque("xy")
c += "zw"
c *= 2
print(c, c == deque("xyzwxyzw"), c < deque("y"), deque([1, 2]) <= deque([1, 2]), c == list(c))
e = deque()
e.append(e)
print(e)
for f in (lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5],
          lambda: deque([1]).remove(2), lambda: deque([1]).index(2), lambda: hash(deque()),
          lambda: deque(maxlen=-1), lambda: deque([1], 1).insert(0, 2), lambda: deque() + [1],
          lambda: deque()["a"]):
    try:
        f()
    except Exception as ex:
        print(type(ex).__name__, ex)
g = deque([1, 2, 3])
try:
    for x in g:
        g.append(x)
except RuntimeError as ex:
    print("RuntimeError", ex)
it = iter(deque([1]))
print(type(it).__name__, type(reversed(deque())).__name__, next(it), next(it, "end"))


class Stack(deque):
    def __init__(self, items):
        super().__init__(items, maxlen=4)
        self.name = "stack"

    def top(self):
        return self[-1]


s = Stack("abcdef")
print(s, s.top(), s.name, isinstance(s, deque), len(s))


class Plain(deque):
    def __init__(self):
        self.tag = 1


p = Plain()
p.append(5)
print(p, p.maxlen)
