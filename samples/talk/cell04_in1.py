def my_range(n):
    i = 0
    while i < n:
        yield i
        i += 1
mr = my_range(10)
mr
