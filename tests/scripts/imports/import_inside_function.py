def f():
    import helper_mod
    from math import floor
    return helper_mod.VALUE + floor(2.7)
print("before call")
print(f())
print("helper_mod" in dir())
