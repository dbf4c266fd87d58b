def gen():
    yield "p"
    yield "q"
x, y = gen()
print(x, y)
k1, k2 = {"a": 1, "b": 2}
print(k1, k2)
(k, v), = {"only": 0}.items()
print(k, v)
try:
    a, b = gen(), 
except ValueError as e:
    print(type(e).__name__, e)
