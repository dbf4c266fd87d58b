def summer():
    total = 0
    while True:
        total += yield total
s = summer()
print(next(s))
for n in [1, 2, 3, 4]:
    print(s.send(n))
