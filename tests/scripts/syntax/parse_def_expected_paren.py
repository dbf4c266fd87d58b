def f$(n):
    pass
