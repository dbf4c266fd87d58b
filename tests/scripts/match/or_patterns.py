# Alternatives are tried left to right; parentheses group a pattern.
def classify(v):
    match v:
        case 1 | 2 | 3:
            return "small"
        case "a" | "b":
            return "letter"
        case [(0 | 1), (0 | 1)]:
            return "bit pair"
        case (None):
            return "none"
    return "other"

for v in [1, 3, 4, "b", "c", [0, 1], [1, 2], None]:
    print(repr(v), classify(v))
