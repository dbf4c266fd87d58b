# property: getter, setter, deleter, and the errors when one is missing.
class Temperature:
    def __init__(self):
        self._celsius = 0

    @property
    def celsius(self):
        "degrees Celsius"
        print("get")
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        print("set", value)
        self._celsius = value

    @celsius.deleter
    def celsius(self):
        print("delete")
        self._celsius = None

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32


t = Temperature()
t.celsius = 100
print(t.celsius, t.fahrenheit)
del t.celsius
print(t._celsius)
print(type(Temperature.celsius).__name__, Temperature.celsius.__doc__)
print(Temperature.celsius.fget.__name__, Temperature.fahrenheit.fset)
for action in ["set", "delete"]:
    try:
        if action == "set":
            t.fahrenheit = 1
        else:
            del t.fahrenheit
    except AttributeError as e:
        print("AttributeError", e)
# The property wins over the instance dict.
t.__dict__["celsius"] = "shadow"
print(t.celsius)
bare = property()
try:
    bare.__get__(t, Temperature)
except AttributeError as e:
    print("AttributeError", e)
print(bare.__get__(None, Temperature) is bare)
