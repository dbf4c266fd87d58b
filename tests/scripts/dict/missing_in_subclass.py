# A dict subclass's __missing__ answers d[key] for absent keys (not get/in).
class Defaulting(dict):
    def __missing__(self, key):
        print("missing", key)
        return len(key)


d = Defaulting(a=1)
print(d["a"], d["abc"], d.get("zz"), "abc" in d, d)


class Strict(dict):
    pass


try:
    Strict()["x"]
except KeyError as e:
    print("KeyError", e)
