# Dunder methods of the metaclass serve the class itself: iteration, len,
# indexing, membership, repr, and bool; instances are unaffected.
class Registry(type):
    def __iter__(cls):
        return iter(sorted(k for k in vars(cls) if not k.startswith("_")))

    def __len__(cls):
        return len(list(iter(cls)))

    def __getitem__(cls, key):
        return getattr(cls, key)

    def __contains__(cls, key):
        return key in list(iter(cls))

    def __repr__(cls):
        return "<Registry " + cls.__name__ + ">"

    def __bool__(cls):
        return True


class Colors(metaclass=Registry):
    red = 1
    blue = 2


print(list(Colors), len(Colors), Colors["blue"], "red" in Colors, "x" in Colors)
print(repr(Colors), str(Colors), bool(Colors), [Colors])
print(repr(Colors()).startswith("<__main__.Colors object"))


class Plain(metaclass=type("Empty", (type,), {})):
    def __class_getitem__(cls, item):
        return ("alias", item)


print(Plain[int])
try:
    len(Plain)
except TypeError as e:
    print("TypeError", e)
