def inner():
    yield 1
    yield 2
def outer():
    yield "own"
    yield from inner()
    yield "own again"
g = outer()
print(g.gi_yieldfrom)
next(g)
print(g.gi_yieldfrom)
next(g)
y = g.gi_yieldfrom
print(type(y).__name__, y.gi_code.co_name, y.gi_running)
next(g)
next(g)
print(g.gi_yieldfrom)
def over_list():
    yield from [1, 2]
h = over_list()
next(h)
print(type(h.gi_yieldfrom).__name__)
