# Each integer typecode's range, with CPython's OverflowError texts, and
# 64-bit items beyond Baton's inline ints.
from array import array

limits = {'b': 8, 'h': 16, 'i': 32, 'l': 64, 'q': 64}
for code, bits in limits.items():
    lo, hi = -2 ** (bits - 1), 2 ** (bits - 1) - 1
    print(array(code, [lo, hi]))
    big = code.upper()
    print(array(big, [0, 2 ** bits - 1]))
    for c, v in ((code, hi + 1), (code, lo - 1), (big, 2 ** bits), (big, -1),
                 (code, 2 ** 70), (big, -2 ** 70)):
        try:
            array(c, [v])
        except OverflowError as e:
            print(c, v, 'OverflowError', e)

a = array('q', [2 ** 60, -2 ** 62])
a[0] += 1
print(a, a[0] - 2 ** 60, a.tobytes().hex())
print(array('Q', [2 ** 64 - 1]).tolist(), bytes(array('q', [-1])))
a = array('i', [1, 2])
try:
    a[1] = 2 ** 31
except OverflowError as e:
    print(type(e).__name__, e)
print(a)
for v in (2 ** 32, 2 ** 63, 2 ** 64 - 1, 2 ** 64):
    try:
        array('I', [v])
    except OverflowError as e:
        print('I', v, e)
