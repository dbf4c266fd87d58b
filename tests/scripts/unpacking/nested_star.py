(a, *b), *c = [1, 2, 3], 4, 5
print(a, b, c)
for first, *others in [[1, 2, 3], [4], "ab"]:
    print(first, others)
