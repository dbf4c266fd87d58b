# int(x), str(s) and the other built-ins match the subject itself positionally.
def describe(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(n) if n < 0:
            return f"negative int {n}"
        case int(n) | float(n):
            return f"number {n}"
        case str(s) | bytes(s) | bytearray(s):
            return f"text {s!r}"
        case list([a, *_]) | tuple((a, *_)):
            return f"sequence starting {a}"
        case dict({"k": v}):
            return f"dict with k={v}"
        case set(s) | frozenset(s):
            return f"set of {len(s)}"
    return "other"

for v in [True, -3, 7, 1.5, "hi", b"by", bytearray(b"ba"), [1, 2], (3,), {"k": 0}, {1, 2},
          frozenset(), {}, None]:
    print(describe(v))

class Meters(float):
    pass
match Meters(2.5):
    case float(m):
        print("a float subclass matches itself:", m)
