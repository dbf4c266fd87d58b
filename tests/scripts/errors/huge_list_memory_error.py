# A list bigger than the machine's memory fails at once with MemoryError,
# before anything is allocated (CPython's answer too), and the program goes on.
for make in (lambda: [None] * 2**40, lambda: [0, 1] * 2**39, lambda: list(range(2**45)).append(1)):
    try:
        make()
    except MemoryError as e:
        print('MemoryError', repr(e))
print('still running')
