# Mapping patterns check the keys they name; other keys are ignored or go to **rest.
def read(v):
    match v:
        case {"type": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {"type": "circle", **rest}:
            return f"circle with {sorted(rest.items())}"
        case {}:
            return "some mapping"
        case _:
            return "not a mapping"

print(read({"type": "point", "x": 1, "y": 2, "z": 3}))
print(read({"type": "circle", "r": 5, "c": (0, 0)}))
print(read({"type": "point", "x": 1}))
print(read({}))
print(read([("type", "point")]))

rest_copy = {"a": 1, "b": 2}
match rest_copy:
    case {"a": 1, **others}:
        others["c"] = 3
print(rest_copy, others)
