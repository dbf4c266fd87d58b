a = list(range(10))
del a[::3]
print(a)
a[1:3] = []
print(a)
a[len(a):] = [100, 101]
print(a)
a[-1:-3:-1] = ["x", "y"]
print(a)
b = [1, 2, 3]
b[1:1] = b
print(b)
