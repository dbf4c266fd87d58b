# From the talk notebook: a generator function and its repr.
def my_range(n):
    i = 0
    while i < n:
        yield i
        i += 1
mr = my_range(10)
print(mr)
print(repr(mr))
