# An exception raised and caught in one frame, as in the talk's cell 56
# (a non-blocking send that would block), and one caught by the caller.
class Pool:
    size = 2


def divide(x):
    try:
        return 1 / x
    except ZeroDivisionError:
        return 0


try:
    raise BlockingIOError(11, 'Resource temporarily unavailable')
except BlockingIOError:
    print('would block')
try:
    try:
        divide(None)
    except KeyError:
        pass
except TypeError as e:
    print('caught', e)
print(divide(0), [list(range(30)), 'a' * 100, 1, 2, 3, 4, 5, 6, 7])
