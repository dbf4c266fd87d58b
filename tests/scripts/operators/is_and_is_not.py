a = [1]
b = a
c = [1]
print(a is b, a is c, a is not c, a == c)
e = ()
print(None is None, True is True, e is not None)
x = "abc"
y = x
print(x is y)
print(type(1) is int, type(True) is bool, type(True) is not int)
