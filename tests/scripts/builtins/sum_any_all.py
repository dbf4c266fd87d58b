print(sum([1, 2, 3]), sum([], 10), sum([0.5, 0.25]), sum(range(5), 100))
print(sum([[1], [2]], []))
print(any([]), all([]), any([0, "", 1]), all([1, "a", 0]), any(x > 3 for x in [1, 5]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum([1, "a"])
except TypeError as e:
    print(type(e).__name__, e)
