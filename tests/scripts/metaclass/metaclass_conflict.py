# Two bases whose metaclasses are unrelated: CPython's TypeError.
class MetaA(type):
    pass


class MetaB(type):
    pass


class A(metaclass=MetaA):
    pass


class B(metaclass=MetaB):
    pass


class Both(A, B):
    pass
