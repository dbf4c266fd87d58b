def f(x):
    return await await x
