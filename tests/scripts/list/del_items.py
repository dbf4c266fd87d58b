a = [0, 1, 2, 3, 4, 5]
del a[0]
print(a)
del a[-1]
print(a)
del a[1:3]
print(a)
try:
    del a[10]
except IndexError as e:
    print(type(e).__name__, e)
del a[:]
print(a)
