# Literal patterns compare with ==: ints, negative numbers, floats, strings, bytes.
def kind(v):
    match v:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 2.5:
            return "two and a half"
        case -0.5:
            return "minus a half"
        case "text" "ual":
            return "the string 'textual'"
        case b"raw":
            return "bytes"
        case 0x10:
            return "sixteen"
        case _:
            return "something else"

for v in [0, 0.0, -1, 2.5, -0.5, "textual", b"raw", 16, 16.0, "raw", 3]:
    print(repr(v), "->", kind(v))
