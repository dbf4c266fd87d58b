def source(name):
    print("evaluating iterable", name)
    return range(2)
g = ((a, b) for a in source("outer") for b in source("inner"))
print("genexpr created")
print(list(g))
try:
    bad = (x for x in 5)
except TypeError as e:
    print("at creation:", type(e).__name__, e)
lazy = (x for x in [1] for y in 5)
print("inner non-iterable not yet evaluated")
try:
    next(lazy)
except TypeError as e:
    print("at first next:", type(e).__name__, e)
