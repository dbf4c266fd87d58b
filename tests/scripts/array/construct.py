# array.array(typecode[, initializer]) from each kind of initializer.
import array
from array import array as A

print(array.typecodes)
for code in array.typecodes:
    a = A(code)
    print(a, a.typecode, a.itemsize, len(a))
print(A('b', [1, -2, 3]))
print(A('H', (1, 2, 65535)))
print(A('i', range(5)))
print(A('l', (x * x for x in range(4))))
print(A('h', b'\x01\x00\x02\x01'))        # raw bytes, native (little) endian
print(A('B', bytearray(b'ab')))
print(A('d', A('b', [1, 2])))             # from another array: item by item
print(A('u', 'h\xe9\u20ac'))
print(A('f', [0.1, 1.5, -2]))
print(A('d', [1, 2.5, True]))
print(A('b', memoryview(b'xy')))          # a view is an iterable here
print(array.ArrayType is A, A.__module__, A.__name__)
print(type(A('b')), isinstance(A('b'), A))
