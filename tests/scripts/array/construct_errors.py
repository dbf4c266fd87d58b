# The errors array() raises for bad typecodes and initializers.
from array import array


def attempt(*args, **kwargs):
    try:
        print(array(*args, **kwargs))
    except Exception as e:
        print(type(e).__name__, e)


attempt()
attempt('X')
attempt('bb')
attempt(1)
attempt('b', [1], 2)
attempt('b', 'abc')
attempt('u', [1])
attempt('u', array('b', [1]))
attempt('b', array('u', 'a'))
attempt('b', 5)
attempt('h', b'123')
attempt('i', ['a'])
attempt('b', [1.5])
attempt('d', ['x'])
attempt('b', typecode='b')
