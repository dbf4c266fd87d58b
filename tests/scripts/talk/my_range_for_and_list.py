# From the talk notebook: for loop and list() over my_range.
def my_range(n):
    i = 0
    while i < n:
        yield i
        i += 1
for i in my_range(10):
    print(i)
l = list(my_range(10))
print(l)
