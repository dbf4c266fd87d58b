# __prepare__ must return a mapping; a metaclass may be any callable.
class Bad(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return 5


try:
    class A(metaclass=Bad):
        pass
except TypeError as e:
    print("TypeError", e)


def factory(name, bases, ns, **kw):
    print("factory", name, bases, sorted(ns), kw)
    return 42


class B(metaclass=factory, flag=1):
    x = 1


print(B)


class NotAType:
    def __prepare__(self, name, bases):
        return None

    def __call__(self, name, bases, ns):
        return name


try:
    class C(metaclass=NotAType()):
        pass
except TypeError as e:
    print("TypeError", e)
