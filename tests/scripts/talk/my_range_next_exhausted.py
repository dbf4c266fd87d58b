# From the talk notebook: calling next() past the end raises StopIteration.
def my_range(n):
    i = 0
    while i < n:
        yield i
        i += 1
mr = my_range(10)
for _ in range(10):
    print(next(mr))
next(mr)
