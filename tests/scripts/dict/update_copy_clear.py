d = {"a": 1}
d.update({"b": 2})
d.update([("c", 3)], d=4)
d.update(a=0)
print(d)
e = d.copy()
e["a"] = 100
print(d["a"], e["a"])
d.clear()
print(d, e)
