# __prepare__ may return a dict subclass: the class body's assignments,
# reads and deletions go through its methods.
class Recorder(dict):
    def __init__(self):
        super().__init__()
        self.log = []

    def __setitem__(self, key, value):
        if not key.startswith("__"):
            self.log.append(key)
        super().__setitem__(key, value)

    def __missing__(self, key):
        if key == "magic":
            return 42
        raise KeyError(key)


class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return Recorder()

    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, dict(ns))
        cls.order = ns.log
        return cls


class Fields(metaclass=Meta):
    zeta = 1
    alpha = magic
    zeta = 3
    temp = 0
    del temp
    print("len", len)


print(Fields.order, Fields.zeta, Fields.alpha, hasattr(Fields, "temp"))
