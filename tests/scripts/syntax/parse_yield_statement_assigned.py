def f():
    yield x = 3
