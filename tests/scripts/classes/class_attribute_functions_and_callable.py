class Counter:
    total = 0
    def __init__(self):
        self.n = 0
    def tick(self):
        self.n += 1
        Counter.total += 1
c1, c2 = Counter(), Counter()
for c in [c1, c1, c2]:
    c.tick()
print(c1.n, c2.n, Counter.total)
print(callable(Counter), callable(c1), callable(c1.tick))
