x = None
print(x, repr(x), str(x), type(x).__name__)
print(x is None, x is not None, x == None)
def f():
    pass
print(f() is None)
print([None, None])
