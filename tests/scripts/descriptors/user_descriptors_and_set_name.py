# Descriptor classes: __get__, __set__, __delete__ and __set_name__; data
# descriptors beat the instance dict, non-data ones do not.
class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.key = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.key, "unset")

    def __set__(self, obj, value):
        if value < 0:
            raise ValueError("negative")
        setattr(obj, self.key, value)

    def __delete__(self, obj):
        print("delete", self.key)


class Lazy:
    def __init__(self, fn):
        self.fn = fn

    def __get__(self, obj, objtype=None):
        if obj is None:
            return "Lazy on class " + objtype.__name__
        value = self.fn(obj)
        obj.__dict__[self.fn.__name__] = value
        return value


class Item:
    price = Field()
    qty = Field()

    @Lazy
    def total(self):
        print("computing")
        return self.price * self.qty


i = Item()
print(i.price)
i.price = 3
i.qty = 4
print(i.price, i.qty, i.total, i.total)
print(Item.total, type(Item.price).__name__)
try:
    i.qty = -1
except ValueError as e:
    print("ValueError", e)
del i.qty
i.__dict__["price"] = "shadowed?"
print(i.price, sorted(i.__dict__))
