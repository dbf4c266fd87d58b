g = ((i, j) for i in range(4) if i % 2 for j in range(i) if j != 1)
print(list(g))
words = ["ab", "cde"]
print(list(ch for w in words for ch in w if ch != "d"))
