data = [1, 2, 3]
g = (x for x in data)
data.append(4)
print(list(g))
data2 = [1, 2, 3]
g2 = (x for x in data2)
print(next(g2))
data2.clear()
print(list(g2))
