def countdown(n):
    while n > 0:
        yield n
        n -= 1
for x in countdown(4):
    print(x)
else:
    print("loop done")
print(list(countdown(3)), list(countdown(0)))
