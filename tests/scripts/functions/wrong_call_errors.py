def f(x, y):
    return x + y
def g(a, *, k):
    return a, k
tries = [lambda: f(1), lambda: f(), lambda: f(1, 2, 3), lambda: f(1, 2, z=3),
         lambda: f(1, x=1), lambda: g(1), lambda: g(1, 2), lambda: g(1, k=2, j=3)]
for t in tries:
    try:
        t()
    except TypeError as e:
        print(e)
