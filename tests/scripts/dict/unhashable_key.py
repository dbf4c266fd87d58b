d = {}
for k in [[1], {}, {1}]:
    try:
        d[k] = 1
    except TypeError as e:
        print(type(e).__name__, e)
d[(1, 2)] = "ok"
d["s"] = "s"
print(d)
