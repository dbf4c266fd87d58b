# Captures bind like assignments: locals, globals, nonlocals, cells, class bodies.
counter = 0

def set_global(v):
    global counter
    match v:
        case [counter]:
            pass

def outer(v):
    seen = None
    def inner():
        nonlocal seen
        match v:
            case {"seen": seen}:
                pass
    inner()
    return seen

def make_getter(v):
    match v:
        case (head, *tail):
            return lambda: (head, tail)

set_global([7])
print(counter)
print(outer({"seen": "yes"}))
print(make_getter((1, 2, 3))())

class Config:
    match {"debug": True}:
        case {"debug": debug}:
            level = "verbose" if debug else "quiet"
print(Config.debug, Config.level)
