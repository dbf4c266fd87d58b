# A base class hears of each subclass through __init_subclass__ (a class
# method without the decorator), with the class statement's keywords.
registry = {}


class Plugin:
    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        registry[name or cls.__name__.lower()] = cls


class Csv(Plugin, name="csv"):
    pass


class Json(Plugin):
    pass


class PrettyJson(Json, name="pretty"):
    pass


print(sorted(registry), registry["pretty"].__name__)


class Counted:
    count = 0

    @classmethod
    def __init_subclass__(cls):
        Counted.count += 1
        cls.number = Counted.count


class A(Counted):
    pass


class B(A):
    pass


print(A.number, B.number, Counted.count)
try:
    class Bad(name="x"):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Worse(Plugin, colour="red"):
        pass
except TypeError as e:
    print("TypeError:", e)
