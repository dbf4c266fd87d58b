# The errors a memoryview raises, with CPython's texts.
from array import array


def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


ro = memoryview(b'abc')
rw = memoryview(bytearray(b'abc'))
ints = memoryview(array('i', [1, 2]))


def assign(view, key, value):
    view[key] = value


attempt(lambda: memoryview())
attempt(lambda: memoryview(1))
attempt(lambda: memoryview('text'))
attempt(lambda: memoryview([1, 2]))
attempt(lambda: ro[3])
attempt(lambda: ro[-4])
attempt(lambda: ro['a'])
attempt(lambda: ro[1.5])
attempt(lambda: assign(ro, 0, 1))
attempt(lambda: assign(ro, slice(0, 2), b'00'))
attempt(lambda: assign(rw, 0, 256))
attempt(lambda: assign(rw, 0, -1))
attempt(lambda: assign(rw, 0, 'a'))
attempt(lambda: assign(rw, 0, 1.5))
attempt(lambda: assign(ints, 0, 2 ** 40))
attempt(lambda: assign(rw, slice(0, 2), b'xyz'))
attempt(lambda: assign(rw, slice(0, 2), [1, 2]))
attempt(lambda: assign(ints, slice(0, 1), b'1234'))
attempt(lambda: assign(ints, slice(0, 1), memoryview(array('h', [1, 2]))))
attempt(lambda: rw.__delitem__(0))
attempt(lambda: ro.noexist)
attempt(lambda: ro + b'')
attempt(lambda: ro < ro)
attempt(lambda: ro.tobytes() + ro)
attempt(lambda: hash(rw))
attempt(lambda: hash(ints.toreadonly()))
attempt(lambda: memoryview(array('u', 'ab')).tolist())
try:
    ro.itemsize = 2
except AttributeError:
    print('AttributeError')
