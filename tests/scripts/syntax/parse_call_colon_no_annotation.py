f(n):
    pass
