# Slice assignment and deletion take arrays of the same typecode only.
from array import array

a = array('i', range(10))
a[2:5] = array('i', [-1])
print(a)
a[::3] = array('i', [7, 7, 7])
print(a)
del a[::2]
print(a)
del a[1:3]
print(a)
a[:] = a[::-1]
print(a)
a[len(a):] = array('i', [100, 200])
print(a)
for value, key in ((array('i', [1, 2]), slice(None, None, 2)), ([1], slice(0, 1)),
                   (array('h', [1]), slice(0, 1)), (b'\x00' * 4, slice(0, 1))):
    try:
        a[key] = value
    except Exception as e:
        print(type(e).__name__, e)
print(a)
