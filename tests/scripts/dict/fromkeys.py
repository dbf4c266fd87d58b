# dict.fromkeys is a class method: subclasses get their own type back.
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), {}.fromkeys(range(2), "x"))
shared = dict.fromkeys("xy", [])
shared["x"].append(1)
print(shared)


class Loud(dict):
    def __setitem__(self, key, value):
        print("set", key)
        super().__setitem__(key, value)


d = Loud.fromkeys("pq", 1)
print(type(d).__name__, d)
