# Each alternative binds the same names, in any order and at any depth.
def coords(v):
    match v:
        case {"x": x, "y": y} | [("y", y), ("x", x)] | (x, y):
            return x, y
        case _:
            return None

print(coords({"x": 1, "y": 2}))
print(coords((3, 4)))
print(coords([("y", 6), ("x", 5)]))
print(coords("no"))
