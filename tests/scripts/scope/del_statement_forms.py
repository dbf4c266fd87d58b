a, b, c = 1, 2, 3
del a, b
print(c, "a" in dir(), "b" in dir())
lst = [0, 1, 2, 3, 4]
del lst[0], lst[-1]
print(lst)
d = {"x": 1, "y": 2}
del d["x"]
print(d)
class O:
    pass
o = O()
o.attr = 1
del o.attr
print(hasattr(o, "attr"))
x, y = [1, 2], [3]
del (x, y)
print("x" in dir())
