it = iter(range(6))
for x in it:
    print("outer", x)
    if x == 1:
        print("inner skips", next(it))
    if x == 4:
        break
print("remaining", list(it))
