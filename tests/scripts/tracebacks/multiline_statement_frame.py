def f(x):
    return x.missing
result = [
    1,
    f(2),
]
