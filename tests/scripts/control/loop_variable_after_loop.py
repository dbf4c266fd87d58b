for i in range(3):
    pass
print(i)
for i in range(0):
    pass
print(i)
for x, y in [(1, 2), (3, 4)]:
    pass
print(x, y)
