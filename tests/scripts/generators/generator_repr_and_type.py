def my_range(n):
    yield n
g = my_range(3)
print(g)
print(type(g).__name__, repr(g).startswith("<generator object my_range at 0x"))
print(iter(g) is g, hasattr(g, "__next__"), hasattr(g, "send"))
print(type(my_range).__name__)
