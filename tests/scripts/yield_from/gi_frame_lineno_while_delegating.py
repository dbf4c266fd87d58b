def inner():
    yield "a"
def outer():
    x = 1
    yield from inner()
    yield "b"
g = outer()
next(g)
print(g.gi_frame.f_lineno, g.gi_yieldfrom.gi_frame.f_lineno)
next(g)
print(g.gi_frame.f_lineno, g.gi_yieldfrom)
