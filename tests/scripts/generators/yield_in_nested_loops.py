def pairs(n):
    for i in range(n):
        for j in range(i):
            if (i + j) % 2:
                continue
            yield i, j
print(list(pairs(5)))
def grid():
    for r in "ab":
        for c in "12":
            yield r + c
print(list(grid()))
