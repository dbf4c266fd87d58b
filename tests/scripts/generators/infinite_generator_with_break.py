def naturals():
    n = 0
    while True:
        yield n
        n += 1
for n in naturals():
    if n * n > 50:
        print("stop at", n)
        break
evens = (n for n in naturals() if n % 2 == 0)
print([next(evens) for _ in range(5)])
