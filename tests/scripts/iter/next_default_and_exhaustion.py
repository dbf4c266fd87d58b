it = iter([1, 2])
print(next(it), next(it), next(it, None), next(it, "again"))
try:
    next(it)
except StopIteration:
    print("StopIteration when exhausted")
print(list(it))
