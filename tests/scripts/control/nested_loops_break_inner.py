found = None
for i in range(1, 5):
    for j in range(1, 5):
        if i * j == 6:
            found = (i, j)
            break
    if found:
        break
print(found, i, j)
x = 0
while x < 10:
    x += 1
    if x % 3:
        continue
    print("multiple of 3:", x)
