a = [1, [2, 3], (4, 5), "six"]
print([2, 3] in a, (4, 5) in a, 4 in a, "six" in a, "s" in a)
nan = float("nan")
b = [nan]
print(nan in b, b == b, [nan] == [nan])
