# A generator expression consumed by a builtin (sum, any, tuple) inside a
# recursive function: every level resumes a generator from C.
def total(n):
    if n == 0:
        return 1
    return sum(total(k) for k in [n - 1])


def anything(n):
    if n == 0:
        return True
    return any(anything(k) for k in [n - 1])


def nested(n):
    if n == 0:
        return ()
    return tuple(nested(k) for k in [n - 1])


print(total(150), anything(150), len(nested(150)))
for f in (total, anything, nested):
    try:
        f(100000)
    except RecursionError as e:
        print(f.__name__, type(e).__name__, e)
print(total(150))
