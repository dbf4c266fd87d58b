# Writes, deletes, pop, popitem and clear act on maps[0]; misses there are KeyErrors.
from collections import ChainMap

first, second = {"a": 1}, {"a": 10, "b": 20}
m = ChainMap(first, second)
m["b"] = 2
m["c"] = 3
print(m, first, second)
del m["a"]
print(m, m["a"])
for action in (lambda: m.__delitem__("a"), lambda: m.pop("zz"), ChainMap().popitem):
    try:
        action()
    except KeyError as e:
        print(repr(e))
print(m.pop("zz", "fallback"), m.pop("b"), m)
print(m.popitem(), m)
print(m.setdefault("b", 99), m.setdefault("q", 5), m)
m.update({"u": 1}, v=2)
m.update([("w", 3)])
print(m)
m.clear()
print(m, second)
