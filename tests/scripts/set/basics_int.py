s = {3, 1, 2, 3, 1}
print(s, len(s))
s.add(4)
s.add(1)
print(s)
s.remove(4)
s.discard(99)
s.discard(3)
print(s)
try:
    s.remove(99)
except KeyError as e:
    print(type(e).__name__, e)
print(set(), set([5, 5, 6]), set(range(3)))
