print({k: v for k, v in [("a", 1), ("b", 2)]})
print({x: x * x for x in range(4)})
print({x % 3 for x in range(10)})
print({v: k for k, v in {"a": 1, "b": 1, "c": 2}.items()})
words = ["apple", "bob", "kayak", "level", "xyz"]
print(sorted({w for w in words if w == w[::-1]}))
