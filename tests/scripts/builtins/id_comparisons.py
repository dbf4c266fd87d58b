a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), id(None) == id(None))
def f(x):
    return id(x)
print(f(a) == id(a))
print(type(id(a)).__name__)
