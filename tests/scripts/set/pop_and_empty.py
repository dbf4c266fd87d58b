s = {5}
print(s.pop(), s)
try:
    s.pop()
except KeyError as e:
    print(type(e).__name__, e)
print(repr(set()), bool(set()), set() == set())
