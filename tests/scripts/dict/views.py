d = {"a": 1, "b": 2}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i)
print(len(k), "a" in k, 2 in v, ("b", 2) in i, ("b", 3) in i)
d["c"] = 3
print(list(k), list(v), list(i))
for key, val in d.items():
    print(key, val)
print(sorted(d.values(), reverse=True))
