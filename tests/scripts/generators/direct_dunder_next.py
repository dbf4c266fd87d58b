def gen():
    yield "x"
    yield "y"
g = gen()
print(g.__next__(), next(g))
try:
    g.__next__()
except StopIteration:
    print("StopIteration via __next__")
print(g.__iter__() is g)
