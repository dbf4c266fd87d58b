# The metaclass is the most derived of metaclass= and the bases' metaclasses.
class Base(type):
    pass


class Derived(Base):
    pass


class A(metaclass=Base):
    pass


class B(A, metaclass=Derived):
    pass


class C(B):
    pass


class D(B, metaclass=Base):
    pass


class E(A, metaclass=type):
    pass


for cls in (A, B, C, D, E):
    print(cls.__name__, type(cls).__name__)
try:
    class F(B, metaclass=int):
        pass
except TypeError as e:
    print("TypeError", e)
