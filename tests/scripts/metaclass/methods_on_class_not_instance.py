# Methods and properties of the metaclass are found on the class, not on its
# instances; the class's own attributes win over the metaclass's methods.
class Meta(type):
    def describe(cls):
        return "class " + cls.__name__

    @property
    def shout(cls):
        return cls.__name__.upper()

    def clash(cls):
        return "meta"

    @classmethod
    def make(mcs):
        return mcs.__name__


class Thing(metaclass=Meta):
    def clash(self):
        return "instance method"


print(Thing.describe(), Thing.shout, Thing.make())
print(Thing.clash(Thing()))
print(hasattr(Thing(), "describe"), hasattr(Thing, "describe"))
try:
    Thing().shout
except AttributeError as e:
    print("AttributeError", e)
print(Thing.mro(), Thing.__name__, Thing.__qualname__)
