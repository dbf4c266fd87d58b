# From the talk notebook: next(sr) on an exhausted squared_range (uncaught).
def my_range(n):
    i = 0
    while i < n:
        yield i
        i += 1
def squared_range(n):
    for i in my_range(n):
        yield i ** 2
sr = squared_range(2)
print(next(sr), next(sr))
next(sr)
