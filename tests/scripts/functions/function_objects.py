def greet(name):
    return "hi " + name
f = greet
print(f("x"), f.__name__, greet is f)
print(callable(f), callable(1))
funcs = [len, str.upper, greet]
print([fn("ab") for fn in funcs])
print(type(greet).__name__)
print(repr(greet).startswith("<function greet at 0x"))
def apply(fn, *args):
    return fn(*args)
print(apply(max, 3, 9, 2))
