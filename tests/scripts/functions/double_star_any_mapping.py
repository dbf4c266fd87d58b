# f(**m) takes any mapping (keys() and []), not only dicts.
class Mapping:
    def keys(self):
        return ["a", "b"]

    def __getitem__(self, key):
        return key.upper()


def f(a, b, c=0):
    return (a, b, c)


print(f(**Mapping()), f(c=1, **Mapping()), dict(**Mapping()))
try:
    f(a=1, **Mapping())
except TypeError as e:
    print("TypeError", e)
try:
    f(**[1])
except TypeError as e:
    print("TypeError", e)
