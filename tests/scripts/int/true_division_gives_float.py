print(7 / 2, 6 / 3, -1 / 4, 1 / 3)
print(type(4 / 2).__name__)
print(10 / 4 * 4)
