def build():
    out = []
    for name in ["a", "b"]:
        def show():
            return name
        out.append(show)
    return out
print([f() for f in build()])
def adders():
    return [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in adders()])
