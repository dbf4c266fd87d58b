# tobytes/frombytes/tolist/fromlist/byteswap/buffer_info and the 'u' code's unicode methods.
from array import array

a = array('H', [1, 256, 65535])
raw = a.tobytes()
print(raw, len(raw), bytes(a) == raw, bytearray(a))
b = array('H')
b.frombytes(raw)
b.frombytes(memoryview(b'\x02\x00'))
print(b, b == a, b.tolist())
b.fromlist([7, 8])
print(b)
try:
    b.fromlist([9, 'x'])
except TypeError as e:
    print('TypeError', e, b)
for bad in (lambda: b.frombytes(b'\x01'), lambda: b.frombytes('ab'), lambda: b.fromlist((1,))):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
b.byteswap()
print(b)
print(a.buffer_info()[1], type(a.buffer_info()[0]))
u = array('u', 'hi')
u.fromunicode('!')
print(u, u.tounicode(), u.tolist())
try:
    a.tounicode()
except ValueError as e:
    print('ValueError', e)
