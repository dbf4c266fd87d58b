# A call's frame header is left on the value stack when it returns; a later
# frame with a deep operand stack can cover it. The collector reads a frame's
# whole operand stack, so a header's words must not be read as objects there.
import gc


def leaf():
    return 1


def shallow():
    return leaf()


def wide(n):
    gc.collect()
    items = [n]
    return (n, n, n, n, n, n, n, n, n, n, n, n, n, n, n, n, n, n, n, n, n, n, n, [items, n])


def outer(n):
    shallow()
    return wide(n)


total = 0
for i in range(300):
    total += len(outer(i))
print(total)
