def gen(a, b=2):
    total = a + b
    yield total
    items = [total] * 2
    yield items
g = gen(1)
print(sorted(g.gi_frame.f_locals.items()))
next(g)
print(sorted(g.gi_frame.f_locals.items()))
next(g)
print(sorted(g.gi_frame.f_locals.items()))
