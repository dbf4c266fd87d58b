class Count:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
print(list(Count(3)), tuple(Count(2)), set(Count(3)))
print(sum(Count(4)), min(Count(4)), max(Count(4)), sorted(Count(3), reverse=True))
print(list(zip(Count(2), Count(5))), list(map(str, Count(3))), list(filter(lambda x: x % 2, Count(5))))
print(list(enumerate(Count(2))), any(Count(0)), all(Count(3)), 3 in Count(5), 9 in Count(5))
a, b, c = Count(3)
print(a, b, c, dict(zip(Count(2), "xy")))
