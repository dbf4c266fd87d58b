nan = float("nan")
lst = [nan]
print(nan == nan, nan is nan, nan in lst, lst.count(nan), lst.index(nan))
print([float("nan")] == [1.0])
t = (nan,)
print(t == t, t == (nan,))
