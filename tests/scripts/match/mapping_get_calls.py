# Keys are looked up with the mapping's get(), in the pattern's order.
class Loud(dict):
    def get(self, key, default=None):
        print("get", repr(key))
        return dict.get(self, key, default)

match Loud(a=1, b=2):
    case {"b": 3}:
        print("b is 3")
    case {"b": b, "a": a}:
        print("a", a, "b", b)

match Loud(a=None):
    case {"a": None}:
        print("None values are found")
