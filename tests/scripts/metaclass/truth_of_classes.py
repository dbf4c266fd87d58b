# A class is true unless its metaclass says otherwise (__bool__, __len__);
# `not` and if follow the metaclass.
class Plain(type):
    pass


class Empty(type):
    def __len__(cls):
        return 0


class Falsy(type):
    def __bool__(cls):
        return False


made = Plain("made", (), {})
print(not made, True if made else False, bool(Plain))
for meta in (Empty, Falsy):
    cls = meta("C", (), {})
    print(meta.__name__, bool(cls), not cls, "yes" if cls else "no")
