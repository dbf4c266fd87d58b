# A memoryview over bytes, bytearray and array: items, slices and attributes.
from array import array

data = b'\x01\x02\xff'
for obj in (data, bytearray(data), array('h', [1, -2, 300]), array('d', [0.5])):
    m = memoryview(obj)
    print(type(obj).__name__, len(m), m[0], m[-1], list(m), m.tolist(), m.tobytes())
    print(' ', m.format, m.itemsize, m.nbytes, m.readonly, m.ndim, m.shape, m.strides,
          m.obj is obj, m.contiguous)
m = memoryview(b'abcdef')
print(m[1:4].tobytes(), m[::2].tobytes(), m[::-1].tolist(), m[4:1].tolist(), bytes(m[::2]))
print(m[::2].strides, m[::2].contiguous, m[1:].nbytes, len(m[::4]))
print(memoryview(m).obj is m.obj, memoryview(m[2:])[0], m.hex(), m[1:3].hex(':'))
print(type(m).__name__, bool(memoryview(b'')))
print(repr(m)[:11], str(m)[:11])
print(list(memoryview(array('q', [-2 ** 63, 2 ** 63 - 1]))), memoryview(array('Q', [2 ** 64 - 1]))[0])
print(memoryview(array('b', [0x7f, -0x80])).tolist(), memoryview(array('I', [2 ** 32 - 1])).tolist())
