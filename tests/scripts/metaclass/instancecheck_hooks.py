# __instancecheck__ and __subclasscheck__ on a metaclass decide isinstance
# and issubclass (an exact type match skips __instancecheck__).
class Duck(type):
    def __instancecheck__(cls, obj):
        print("instancecheck", type(obj).__name__)
        return hasattr(obj, "quack") or super().__instancecheck__(obj)

    def __subclasscheck__(cls, sub):
        print("subclasscheck", sub.__name__)
        return hasattr(sub, "quack") or super().__subclasscheck__(sub)


class Quacker(metaclass=Duck):
    pass


class Mallard:
    def quack(self):
        return "quack"


print(isinstance(Mallard(), Quacker), isinstance(3, Quacker))
print(isinstance(Quacker(), Quacker))
print(isinstance(3, (str, Quacker)), isinstance("s", (str, Quacker)))
print(issubclass(Mallard, Quacker), issubclass(int, Quacker))
