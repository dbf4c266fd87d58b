nan = float("nan")
lst = [nan]
print(nan == nan, nan is nan, nan in lst, lst.count(nan), lst.index(nan))
print([float("nan")] == [float("nan")])
t = (nan,)
print(t == t, t == (nan,))
