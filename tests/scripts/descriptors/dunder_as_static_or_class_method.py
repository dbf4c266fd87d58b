# Special methods wrapped in staticmethod or classmethod are called as such.
class C:
    @staticmethod
    def __sub__(other):
        return ("static sub", other)

    @classmethod
    def __add__(cls, other):
        return ("class add", cls.__name__, other)

    @staticmethod
    def __getitem__(item):
        return ("static get", item)

    @classmethod
    def __len__(cls):
        return 7


c = C()
print(c - 1, c + 2, c[3], len(c))
