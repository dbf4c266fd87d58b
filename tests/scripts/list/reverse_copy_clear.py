a = [1, 2, 3]
b = a.copy()
a.reverse()
print(a, b)
c = a
a.clear()
print(a, b, c, c is a)
nested = [[1], [2]]
shallow = nested.copy()
shallow[0].append(9)
print(nested, shallow is nested)
