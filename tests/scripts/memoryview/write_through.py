# Views share memory: writes through a view of a bytearray or array show in it,
# slices of views too, and slice assignment copies whole (overlaps included).
from array import array

b = bytearray(b'hello world')
m = memoryview(b)
m[0] = ord('J')
m[6:11] = b'WORLD'
print(b)
tail = m[6:]
tail[0] = ord('w')
print(b, tail.tobytes())
b[1] = ord('E')
print(m.tobytes())
a = array('i', [1, 2, 3, 4])
v = memoryview(a)
v[2] = -6
v[0:2] = memoryview(array('i', [10, 20]))
print(a)
v[1:] = v[:-1]
print(a)
v[:-1] = v[1:]
print(a)
r = memoryview(bytearray(b'abcdef'))
r[::2] = b'XYZ'
r[::-1][0:2] = b'12'
print(r.obj)
q = memoryview(array('Q', [0, 0]))
q[1] = 2 ** 64 - 1
print(q.obj, q.tolist())
f = memoryview(array('f', [0.0]))
f[0] = 0.1
print(f.obj)
b3 = bytearray(b'5678')
b3[1:3] = memoryview(b'1234')[0:2]
print(b3)
