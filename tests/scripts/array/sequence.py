# An array is a mutable sequence: indexing, slicing, iteration and the list-like methods.
from array import array

a = array('h', [5, -1, 7, 5, 0])
print(len(a), a[0], a[-1], a[1:3], a[::-2], a[10:])
print(list(a), [x * 2 for x in a], 5 in a, 9 in a, 'x' in a, bool(a), bool(array('h')))
print(a.count(5), a.index(5), a.index(5, 1), a.index(0, -2))
a.append(9)
a.insert(0, 1)
a.insert(-100, 2)
a.insert(100, 3)
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(5)
a.reverse()
print(a)
a[0] = 42
del a[1]
print(a, a.tolist())
for bad in (lambda: a[10], lambda: a['x'], lambda: a.pop(10), lambda: array('b').pop(),
            lambda: a.remove(99), lambda: a.index(99), lambda: a.append('x')):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
it = iter(array('b', [1, 2]))
print(next(it), next(it), next(it, 'done'))
