d = {"a": 1, 2: "two"}
for k in ["missing", 5, (1, 2)]:
    try:
        d[k]
    except KeyError as e:
        print(type(e).__name__, e, repr(e), e.args)
try:
    del d["gone"]
except KeyError as e:
    print("del:", e)
