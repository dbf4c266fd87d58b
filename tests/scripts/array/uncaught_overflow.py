# An uncaught OverflowError from an array item prints CPython's traceback.
from array import array


def fill(code, values):
    return array(code, values)


print(fill('B', [1, 2]))
fill('B', [1, 256])
