class Counter:
    def __init__(self, start):
        self.value = start
    def run(self, steps):
        for _ in range(steps):
            self.value += 1
            yield self.value
c = Counter(10)
g = c.run(3)
print(next(g))
c.value = 100
print(next(g), next(g), c.value)
def make():
    return Counter(0).run(2)
print(list(make()))
