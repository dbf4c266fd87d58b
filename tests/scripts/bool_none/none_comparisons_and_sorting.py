print(None == None, None != 0, None is None)
try:
    None < 1
except TypeError as e:
    print(type(e).__name__, e)
vals = [3, None, 1, None]
print(sorted(vals, key=lambda v: (v is None, v or 0)))
print([v for v in vals if v is not None])
d = {None: "none key"}
print(d[None], None in d)
