def my_range(n):
    i = 0
    while i < n:
        yield i
        i += 1

def double(x):
    y = x * 2
    return y

total = 0
for v in my_range(3):
    total += double(v)
print("total", total)
print("done")
