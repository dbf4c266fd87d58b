# Positional sub-patterns are the attributes __match_args__ names.
class Vec:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Tagged(Vec):
    __match_args__ = ("tag",) + Vec.__match_args__
    def __init__(self, tag, x, y):
        super().__init__(x, y)
        self.tag = tag

def show(v):
    match v:
        case Tagged(t, 0, 0):
            return f"{t} at origin"
        case Vec(x, 0):
            return f"on the x axis at {x}"
        case Vec(x, y=5):
            return f"x={x}, y is 5"
        case Vec(x, y):
            return f"({x}, {y})"

for v in [Tagged("home", 0, 0), Vec(3, 0), Vec(1, 5), Vec(2, 3), Tagged("t", 1, 1)]:
    print(show(v))
