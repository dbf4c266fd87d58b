o = object()
print(type(o).__name__, isinstance(o, object), isinstance(5, object), isinstance(None, object))
class A(object):
    pass
print(issubclass(A, object), [c.__name__ for c in A.__mro__])
