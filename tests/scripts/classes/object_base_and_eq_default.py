class C: pass
a, b = C(), C()
print(a == a, a == b, a != b, a is a)
print(isinstance(a, object), issubclass(C, object))
o = object()
print(type(o).__name__, o == o)
try:
    o.x = 1
except AttributeError as e:
    print(type(e).__name__, e)
