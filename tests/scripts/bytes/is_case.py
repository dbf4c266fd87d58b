# isupper/islower look at ASCII letters only, and need at least one of them.
for b in (b'AB', b'ab', b'A1!', b'a1!', b'Ab', b'123', b'', b'\xc9T\xc9'):
    print(b, b.isupper(), b.islower(), bytearray(b).isupper(), bytearray(b).islower())
try:
    b'A'.isupper(1)
except TypeError as e:
    print('TypeError', e)
