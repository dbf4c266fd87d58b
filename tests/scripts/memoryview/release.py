# release() and the with statement end a view; using it afterwards is a ValueError.
b = bytearray(b'data')
with memoryview(b) as m:
    m[0] = ord('D')
    print(m.tobytes())
print(b, repr(m)[:21])
for use in (lambda: m[0], lambda: len(m), lambda: m.tobytes(), lambda: m.format,
            lambda: bytes(m), lambda: memoryview(m), lambda: list(m), lambda: hash(m)):
    try:
        use()
    except ValueError as e:
        print('ValueError', e)
print(m == m, m == b'Data', m != b'Data')
m.release()
print(repr(m)[:9])
v = memoryview(b'abc')
v.release()
try:
    b'' + v
except TypeError as e:
    print('TypeError', e)
