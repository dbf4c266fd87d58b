class Numbers:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return iter(range(self.n))
nums = Numbers(3)
print(list(nums), list(nums), sum(nums))
it = iter([1, 2, 3])
print(list(it), list(it))
z = zip([1, 2], "ab")
print(list(z), list(z))
