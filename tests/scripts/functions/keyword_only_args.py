def f(a, *, key=None, required):
    return a, key, required
print(f(1, required=2))
print(f(1, key="k", required=3))
try:
    f(1, 2)
except TypeError as e:
    print(e)
try:
    f(1)
except TypeError as e:
    print(e)
def g(*, a, b):
    return a - b
print(g(b=1, a=5))
