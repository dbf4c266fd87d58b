# A dotted name is a value pattern (compared with ==), never a capture.
class Color:
    RED = "red"
    GREEN = "green"

class Palette:
    colors = Color

def name(c):
    match c:
        case Color.RED:
            return "stop"
        case Palette.colors.GREEN:
            return "go"
        case _:
            return "unknown"

for c in ["red", "green", "blue"]:
    print(c, name(c))
print(Color.RED, Color.GREEN)
