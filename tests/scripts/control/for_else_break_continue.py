for i in range(6):
    if i % 2 == 0:
        continue
    if i == 5:
        break
    print("odd", i)
else:
    print("no")
for i in []:
    print("never")
else:
    print("empty for else")
for p in [4, 6, 7, 9]:
    for d in range(2, p):
        if p % d == 0:
            print(p, "composite")
            break
    else:
        print(p, "prime")
