def gen():
    yield "a"
    x = 1
    yield "b"

    yield "c"
g = gen()
print("created at", g.gi_frame.f_lineno)
for _ in range(3):
    v = next(g)
    print(v, "suspended at line", g.gi_frame.f_lineno)
