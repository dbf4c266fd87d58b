# A built-in base (list, dict, Exception) may come after plain classes in the
# bases: instances are laid out by that solid base and __base__ names it.
class Mixin:
    def describe(self):
        return f"{type(self).__name__} of {len(self)}"


class Tagged(Mixin, list):
    pass


class Table(Mixin, dict):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.note = "table"


class Failure(Mixin, Exception):
    def __len__(self):
        return len(self.args)


x = Tagged([1, 2, 3])
x.append(4)
x.label = "four"
print(x, len(x), x.describe(), x.label, isinstance(x, list))
print(Tagged.__base__.__name__, [c.__name__ for c in Tagged.__mro__])

d = Table(a=1)
d["b"] = 2
print(d, d.describe(), d.note, sorted(d))
print(Table.__base__.__name__)

try:
    raise Failure("bad", 2)
except Exception as e:
    print(type(e).__name__, e.args, e.describe())
print(Failure.__base__.__name__)


class Deeper(Tagged):
    pass


y = Deeper("ab")
y.extend(range(30))
print(len(y), y.describe(), Deeper.__base__.__name__)
del x, d, y
