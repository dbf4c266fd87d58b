for k in {"b": 1, "a": 2}:
    print(k)
for i, ch in enumerate("hey"):
    print(i, ch)
for k, v in {"x": [1], "y": [2]}.items():
    print(k, v)
