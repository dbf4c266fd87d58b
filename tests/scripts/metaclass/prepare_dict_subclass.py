# __prepare__ may return a dict subclass: the class body's assignments and
# deletions go through its methods, reads find what was stored.
class Recorder(dict):
    def __init__(self):
        super().__init__()
        self.log = []

    def __setitem__(self, key, value):
        if not key.startswith("__"):
            self.log.append(key)
        super().__setitem__(key, value)

    def __delitem__(self, key):
        self.log.append("-" + key)
        super().__delitem__(key)


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
    alpha = zeta + 1
    zeta = 3
    temp = 0
    del temp
    print("len", len)


print(Fields.order, Fields.zeta, Fields.alpha, hasattr(Fields, "temp"))
