def bad(x):
    if x == 2:
        raise RuntimeError("bad value %d" % x)
    return x
try:
    print(sum(bad(x) for x in range(5)))
except RuntimeError as e:
    print(type(e).__name__, e)
