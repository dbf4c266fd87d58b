it = iter([1])
def take():
    return next(it)
g = (take() for _ in range(3))
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print(type(e).__name__, e, "| cause:", type(e.__cause__).__name__)
