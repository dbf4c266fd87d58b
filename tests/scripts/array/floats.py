# 'f' items are C floats (rounded on the way in), 'd' items doubles.
from array import array

f = array('f', [0.1, 1 / 3, 1e39, -0.0])
print(f, f[0] == 0.1, f.itemsize)
d = array('d', [0.1, 1 / 3, 1e300, float('-inf')])
print(d, d[0] == 0.1, d.itemsize)
d[1] = 7
print(d[1], type(d[1]))
for bad in ('1.5', None, 10 ** 400):
    try:
        d.append(bad)
    except Exception as e:
        print(type(e).__name__, e)


class Half:
    def __float__(self):
        return 0.5


class Three:
    def __index__(self):
        return 3


print(array('d', [Half(), Three()]), array('b', [Three()]))
for bad in (b'1', bytearray(b'2'), [1]):
    try:
        array('f', [bad])
    except TypeError as e:
        print('TypeError', e)
