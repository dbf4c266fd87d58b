d = {"a": 1}
for k in ["b", 0, None, (1,), ""]:
    try:
        d[k]
    except KeyError as e:
        print(repr(e), "|", e)
s = {1}
try:
    s.remove(2)
except KeyError as e:
    print(repr(e))
