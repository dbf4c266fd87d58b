# Wherever CPython takes a bytes-like object, an array and a memoryview do too.
from array import array

h = array('h', [0x4141, 0x4242])
mv = memoryview(b'xyz')
print(bytes(h), bytearray(h), bytes(mv), bytearray(mv[1:]), bytes(memoryview(b'abcd')[::2]))
print(b'>' + h, bytearray(b'>') + mv, b'-'.join([h, mv, bytearray(b'!')]))
print(b'AABB'.find(h), b'xyz'.startswith(mv[:2]), h in b'AABBCC', mv in bytearray(b'wxyz'))
print(bytearray(b'x') == mv, bytearray(b'AABB') == h, b'AABB' == h)
print(str(mv, 'ascii'), h.tobytes().decode())
ba = bytearray(b'..')
ba += h
ba.extend(mv)
ba[0:1] = array('B', [33])
print(ba)
print(eval(bytearray(b'6 * 7')), eval(memoryview(b'1 + 1')))
exec(memoryview(b'print("exec from a view")'))
for bad in (lambda: h + b'', lambda: mv + b'', lambda: b''.join([1])):
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
