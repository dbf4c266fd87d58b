# A data descriptor of the metaclass wins over the class's own attribute,
# on reads and on assignment.
class Meta(type):
    @property
    def size(cls):
        return cls._size * 10

    @size.setter
    def size(cls, value):
        print("setting", value)
        cls._size = value


class Box(metaclass=Meta):
    _size = 1
    size = "shadowed by the metaclass property"


print(Box.size)
Box.size = 4
print(Box.size, Box._size)
print(Box().size)
Box.other = 5
print(Box.other, Box().other)
