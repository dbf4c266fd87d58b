matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([n for row in matrix for n in row if n % 2])
print([[row[i] for row in matrix] for i in range(3)])
print([x for x in range(20) if x % 2 if x % 3])
print([(a, b) for a in "ab" for b in "xy" if (a, b) != ("b", "x")])
