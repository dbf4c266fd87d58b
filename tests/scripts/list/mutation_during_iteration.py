a = [1, 2, 3, 4]
for x in a:
    if x == 2:
        a.remove(x)
    print(x)
print(a)
b = [1]
for x in b:
    if x < 4:
        b.append(x + 1)
print(b)
