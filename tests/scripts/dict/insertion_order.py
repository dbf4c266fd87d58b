d = {}
d["z"] = 1
d["a"] = 2
d["m"] = 3
print(d, list(d))
d["z"] = 10
print(d)
del d["a"]
d["a"] = 4
print(d)
print(dict(b=1, a=2), dict([("x", 1), ("y", 2)]), dict({"q": 0}, r=1))
