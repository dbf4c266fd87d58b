def gen(n):
    total = 0
    for i in range(n):
        total += i
        yield total
print([list(gen(k))[-1:] for k in range(6)])
print(sum(sum(gen(100)) for _ in range(100)))
