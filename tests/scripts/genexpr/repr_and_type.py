g = (c for c in "abc")
print(g)
print(type(g).__name__, g.gi_code.co_name, iter(g) is g)
