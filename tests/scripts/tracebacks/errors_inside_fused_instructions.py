# Errors raised inside fused instructions name the right line and variable.
def cmp_error(a, b):
    if a < b:
        return 1
    return 0


def store_error(x):
    y = 1
    y = x + y
    return y


for args in [(1, 'a'), ('a', 1), (None, None)]:
    try:
        cmp_error(*args)
    except TypeError as e:
        print('TypeError:', e)
try:
    store_error('s')
except TypeError as e:
    print('TypeError:', e)
store_error([])
