def show(**kw):
    for k, v in kw.items():
        print(k, v)
    return list(kw)
print(show(z=1, a=2, m=3))
print(show(**{"b": 1}, c=2, **{"a": 3}))
def h(**kw):
    return kw
print(h(x=1, **{"y": 2}))
try:
    h(x=1, **{"x": 2})
except TypeError as e:
    print(type(e).__name__, e)
