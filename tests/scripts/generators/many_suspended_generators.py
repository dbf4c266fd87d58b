def worker(k):
    total = 0
    for i in range(3):
        total += k * i
        yield total
gens = [worker(k) for k in range(10000)]
firsts = [next(g) for g in gens]
seconds = [next(g) for g in gens]
thirds = [next(g) for g in gens]
print(sum(firsts), sum(seconds), sum(thirds))
print(all(next(g, None) is None for g in gens))
