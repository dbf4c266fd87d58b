# CPython 3.11 suggests a close name for a NameError: a local first, then a
# global, then a builtin ("Did you mean: 'len'?" is only in the traceback).
def total(values):
    result = 0
    for value in values:
        result += value
    return reslt


try:
    total([1, 2])
except NameError as e:
    print('str() has no hint:', e)
print(lenn([1, 2]))
