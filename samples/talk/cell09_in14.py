def squared_range(n):
    for i in my_range(n):
        yield i ** 2
sr = squared_range(10)
