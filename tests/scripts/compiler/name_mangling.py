# Private names inside a class are mangled to _Class__name everywhere in its body.
class Account:
    __count = 0
    def __init__(self, owner):
        self.__owner = owner
        Account.__count += 1
    def owner(self):
        return self.__owner
    def __dunder__(self):
        return "dunders are not mangled"
    def count(self):
        return type(self).__count
a = Account("ann"); Account("bob")
print(a.owner(), a.count(), a._Account__owner, a.__dunder__())
print(sorted(k for k in vars(a)))
try:
    a.__owner
except AttributeError as e:
    print("AttributeError", e)
class _Lead:
    def get(self, __p=5):
        return __p
print(_Lead().get(), _Lead().get(7))
