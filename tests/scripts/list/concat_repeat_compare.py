a = [1, 2]
print(a + [3], a * 2, [0] * 3, [] * 5)
print([1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9])
try:
    a + (3,)
except TypeError as e:
    print(type(e).__name__, e)
b = a
b += (3, 4)
print(a, b is a)
grid = [[0] * 2] * 2
grid[0][0] = 1
print(grid)
