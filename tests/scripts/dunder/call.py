class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x, scale=1):
        return x * self.k * scale
m = Multiplier(3)
print(m(5), m(5, scale=2), callable(m), list(map(m, [1, 2])))
