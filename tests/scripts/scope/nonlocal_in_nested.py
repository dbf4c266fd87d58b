def outer():
    n = 0
    def a():
        nonlocal n
        n += 1
    def b():
        nonlocal n
        n *= 10
    a(); b(); a()
    return n
print(outer())
def outer2():
    items = []
    def add(v):
        items.append(v)
    add(1); add(2)
    return items
print(outer2())
