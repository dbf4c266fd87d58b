d = {"a": 1}
print(d.get("a"), d.get("b"), d.get("b", 0))
print(d.setdefault("a", 99), d.setdefault("c", []), d)
d.setdefault("c", []).append(5)
print(d, d.setdefault("n"))
print(d)
