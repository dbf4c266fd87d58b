# max(key=) and min(key=) call back into Python from C at every level.
def deep_max(n):
    if n == 0:
        return 0
    return max([n], key=lambda x: deep_max(x - 1))


def deep_min(n):
    if n == 0:
        return 0
    return min([n], key=lambda x: deep_min(x - 1))


print(deep_max(150), deep_min(150))
for f in (deep_max, deep_min):
    try:
        f(100000)
    except RecursionError as e:
        print(f.__name__, type(e).__name__, e)
print(deep_min(150))
