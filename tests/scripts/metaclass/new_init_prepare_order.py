# The order of the hooks: __prepare__, the body, __new__, __set_name__,
# __init_subclass__, then the metaclass's __init__; keywords reach each.
class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name, bases, kw)
        return {"seed": 41}

    def __new__(mcs, name, bases, ns, **kw):
        print("new", mcs.__name__, name, sorted(ns), kw)
        cls = super().__new__(mcs, name, bases, ns, **kw)
        print("made", cls)
        return cls

    def __init__(cls, name, bases, ns, **kw):
        print("init", name, kw)
        super().__init__(name, bases, ns)


class Named:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)


class Root(metaclass=Meta):
    print("body sees", seed)
    label = Named()

    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)


class Leaf(Root, color="red"):
    pass


print(Root.seed, type(Leaf).__name__, Leaf.seed)
