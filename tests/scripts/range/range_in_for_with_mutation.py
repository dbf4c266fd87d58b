n = 3
for i in range(n):
    n += 1
    print(i, n)
r = range(3)
total = 0
for i in r:
    for j in r:
        total += i * j
print(total)
