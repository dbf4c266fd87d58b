def f(a, b, c=3, d=4):
    return (a, b, c, d)
print(f(1, 2))
print(f(1, 2, 5))
print(f(1, b=7))
print(f(d=0, c=9, b=8, a=1))
print(f(*[1, 2], **{"d": 40}))
