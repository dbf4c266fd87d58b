def nums():
    yield 5
    yield 2
    yield 9
    yield 1
print(list(nums()), tuple(nums()), set(nums()) == {1, 2, 5, 9})
print(sum(nums()), min(nums()), max(nums()), sorted(nums()), sorted(nums(), reverse=True))
print(any(x > 8 for x in nums()), all(nums()), 9 in nums(), 7 in nums())
print(list(zip(nums(), "abc")), list(map(str, nums())), list(filter(lambda x: x > 2, nums())))
print(list(enumerate(nums(), 1)), dict(zip("wxyz", nums())))
a, b, *c = nums()
print(a, b, c, " ".join(str(x) for x in nums()))
