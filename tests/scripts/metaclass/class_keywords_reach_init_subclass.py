# Class keywords other than metaclass= go to the metaclass's __prepare__,
# __new__ and __init__, and type.__new__ passes them to __init_subclass__.
class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        print("new", name, kw)
        return super().__new__(mcs, name, bases, ns, **kw)

    def __init__(cls, name, bases, ns, **kw):
        print("init", name, kw)


class Plugin(metaclass=Meta):
    registry = []

    def __init_subclass__(cls, key=None, **kw):
        super().__init_subclass__(**kw)
        cls.key = key
        Plugin.registry.append(key)


class First(Plugin, key="a"):
    pass


options = {"key": "b"}


class Second(Plugin, **options):
    pass


print(Plugin.registry, First.key, Second.key)


class Third(Plugin, key="c", extra=1):
    pass
