# From the talk notebook: generator pipelining, squared_range draws from my_range.
def my_range(n):
    i = 0
    while i < n:
        yield i
        i += 1
def squared_range(n):
    for i in my_range(n):
        yield i ** 2
sr = squared_range(10)
for _ in range(10):
    print(next(sr))
try:
    next(sr)
except StopIteration as e:
    print("StopIteration:", e)
print(list(squared_range(5)))
