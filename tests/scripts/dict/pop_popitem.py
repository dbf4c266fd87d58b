d = {"a": 1, "b": 2, "c": 3}
print(d.pop("a"), d.pop("zz", "default"), d)
print(d.popitem(), d)
print(d.popitem(), d)
try:
    d.popitem()
except KeyError as e:
    print(type(e).__name__, e)
try:
    d.pop("x")
except KeyError as e:
    print(type(e).__name__, e)
