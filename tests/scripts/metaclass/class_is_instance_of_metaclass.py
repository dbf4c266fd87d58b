# A class made with metaclass=M is an instance of M, and so of type.
class Meta(type):
    pass


class Plain(metaclass=Meta):
    pass


class Child(Plain):
    pass


print(type(Plain) is Meta, type(Child) is Meta)
print(isinstance(Plain, Meta), isinstance(Plain, type), issubclass(Meta, type))
print(Plain.__class__, type(Meta))
print(type(Plain()) is Plain, isinstance(Plain(), Meta))
print(Plain, repr(Child), Child.__mro__)
