# ==, ordering, +, +=, * and *= on arrays, and what they refuse.
from array import array

a, b = array('b', [1, 2]), array('b', [1, 3])
print(a == b, a != b, a < b, a <= b, a > b, a >= b, a == a[:])
print(array('i', [1, 2]) == array('d', [1.0, 2.0]), array('b', [1]) < array('b', [1, 0]))
print(array('b', b'ab') == b'ab', b'ab' == array('b', b'ab'), a == [1, 2])
print(a + b, a * 2, 3 * array('u', 'ab'), a * 0, a * -1)
c = a
c += array('b', [9])
c *= 2
print(c, a is c)
nan = float('nan')
print(array('d', [nan]) == array('d', [nan]), array('d', [nan]).count(nan))
for bad in (lambda: a + [3], lambda: a + array('h'), lambda: a * 'x', lambda: a < [1],
            lambda: hash(a)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, str(e).replace('array.array', 'array'))
try:
    c += [1]
except TypeError as e:
    print('TypeError', e)
try:
    c.extend(array('h', [1]))
except TypeError as e:
    print('TypeError', e)
