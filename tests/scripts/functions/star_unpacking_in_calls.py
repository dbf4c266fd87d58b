def f(a, b, c, d):
    return [a, b, c, d]
print(f(*[1, 2], *(3, 4)))
print(f(1, *"xy", d=4))
print(f(**{"a": 1, "b": 2}, **{"c": 3, "d": 4}))
print(f(*range(4)))
try:
    f(*[1, 2])
except TypeError as e:
    print(e)
try:
    f(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print(e)
try:
    f(*5)
except TypeError as e:
    print(e)
