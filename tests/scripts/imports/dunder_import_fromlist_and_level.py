# __import__ returns the top package without a fromlist, else the module itself.
top = __import__("pkgdemo.leaf")
print(top.__name__)
leaf = __import__("pkgdemo.leaf", fromlist=["VALUE"])
print(leaf.__name__)
sub = __import__("pkgdemo.sub", fromlist=["other"])
print(sub.other.X)
rel = __import__("leaf", {"__package__": "pkgdemo"}, None, ["VALUE"], 1)
print(rel.__name__)
up = __import__("", {"__name__": "pkgdemo.sub.x"}, None, ["leaf"], 2)
print(up.__name__)
for args in [("x", {"__package__": "pkgdemo"}, None, [], 3), ("x", None, None, [], 1),
             ("x", {}, None, [], -1), ("", {}, None, [], 0)]:
    try:
        __import__(*args)
    except (ImportError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
