# The descriptor protocol called by name: function.__get__ binds,
# property.__set__/__delete__ run the setter and deleter, and
# object.__format__ formats with an empty spec only.
class Box:
    def __init__(self):
        self._v = 0

    def show(self):
        return "box " + str(self._v)

    def _get(self):
        return self._v

    def _set(self, v):
        self._v = v

    def _del(self):
        print("deleting")

    v = property(_get, _set, _del)
    ro = property(_get)


b = Box()
bound = Box.show.__get__(b, Box)
print(bound(), Box.show.__get__(None, Box) is Box.show)
Box.v.__set__(b, 7)
print(b.v, Box.v.__get__(b, Box))
Box.v.__delete__(b)
try:
    Box.ro.__set__(b, 1)
except AttributeError as e:
    print("AttributeError", e)
print(object.__format__(b, "")[:14], format(3, ""), object.__format__(5, ""))
try:
    object.__format__(b, "x")
except TypeError as e:
    print("TypeError", e)
print(hasattr(type(Box.show), "__get__"), hasattr(property, "__set__"), hasattr(object, "__format__"))
