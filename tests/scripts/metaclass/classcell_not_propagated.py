# A metaclass that drops __classcell__ leaves super() without its class:
# CPython's RuntimeError at the class statement.
class Careless(type):
    def __new__(mcs, name, bases, ns):
        ns = {k: v for k, v in ns.items() if k != "__classcell__"}
        return super().__new__(mcs, name, bases, ns)


class Fine(metaclass=Careless):
    def method(self):
        return 1


print(Fine().method())


class Broken(metaclass=Careless):
    def method(self):
        return super().method()
