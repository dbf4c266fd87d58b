vals = [3, 1.5, True, -2, 0.0, False, 2.5]
print(sorted(vals))
print(max(vals), min(vals), sorted(vals, reverse=True))
print(1 == 1.0 == True, 0 == -0.0 == False)
print(sorted([[1, 2.0], [1, 1], [0.5]]))
