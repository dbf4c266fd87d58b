d = {"a": {"b": {"c": [1, 2, {"d": None}]}}}
print(d)
print(d["a"]["b"]["c"][2]["d"])
d["a"]["b"]["c"][2]["d"] = "deep"
print(d)
r = {}
r["self"] = r
print(r)
