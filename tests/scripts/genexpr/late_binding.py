n = 10
g = (x + n for x in range(3))
n = 100
print(list(g))
items = [1, 2]
h = (i for i in items)
items = [7, 8, 9]
print(list(h))
k = 1
m = (x * k for x in [1, 2, 3])
print(next(m))
k = 1000
print(list(m))
