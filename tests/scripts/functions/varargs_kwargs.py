def f(*args, **kwargs):
    print(args, kwargs)
f()
f(1, 2)
f(a=1, b=2)
f(1, *[2, 3], x=4, **{"y": 5, "z": 6})
def g(first, *rest, last="L", **opts):
    print(first, rest, last, opts)
g(1)
g(1, 2, 3, last="Z", extra=True)
