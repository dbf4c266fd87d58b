def c():
    yield 1
    1 / 0
def b():
    yield from c()
def a():
    yield from b()
for x in a():
    print(x)
