# Sequence patterns match lists, tuples and ranges by length; str and bytes never.
def shape(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one: {x}"
        case (x, y):
            return f"two: {x}, {y}"
        case [x, *rest]:
            return f"head {x}, rest {rest}"
        case _:
            return "not a sequence"

for v in [[], (), [1], (1, 2), [1, 2, 3], range(4), "ab", b"ab", bytearray(b"ab"), {1: 2}, 5]:
    print(repr(v), "->", shape(v))
