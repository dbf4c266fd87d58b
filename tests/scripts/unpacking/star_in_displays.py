a = [1, 2]
b = (3, 4)
print([*a, *b, 5], (*a, *b), {*a, *b})
print({**{"x": 1}, "y": 2, **{"x": 3}})
print([*"hi", *range(2)])
print(*a, *b)
