def inner():
    yield 1
    yield 2
def outer():
    for i in range(2):
        yield i
    yield from inner()
g = outer()
for v in g:
    f = g.gi_frame
    print(v, f.f_lineno if f is not None else None)
print(g.gi_frame)
