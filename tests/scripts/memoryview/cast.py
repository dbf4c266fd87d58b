# cast() reinterprets a view's bytes under another format (one dimension).
from array import array

raw = bytearray(array('i', [1, -1, 256]).tobytes())
m = memoryview(raw)
ints = m.cast('i')
print(ints.format, ints.itemsize, len(ints), ints.tolist(), ints.nbytes)
ints[0] = 7
print(raw[:4], ints.cast('B')[:4].tolist(), m.cast('@h').tolist())
print(memoryview(b'ab').cast('c').tolist(), memoryview(b'\x00\x00\x80\x3f').cast('f')[0])
for fmt, view in (('x', m), ('ii', m), ('h', ints), ('i', m[:5]), ('B', m[::2]), (1, m)):
    try:
        view.cast(fmt)
    except Exception as e:
        print(type(e).__name__, e)
