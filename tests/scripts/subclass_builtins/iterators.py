# Subclasses of the iterator built-ins: map, zip, enumerate, filter, reversed.

class Numbered(enumerate):
    def __init__(self, items, start=0):
        self.label = "numbered"

    def __next__(self):
        i, x = super().__next__()
        return f"{i}:{x}"


n = Numbered("abc", 1)
print(list(n), n.label, isinstance(n, enumerate), type(n).__name__)


class Squares(map):
    def __new__(cls, items):
        return super().__new__(cls, lambda x: x * x, items)


print(list(Squares(range(4))), list(zip.__new__(zip, "ab", "cd")))


class Evens(filter):
    pass


print(list(Evens(lambda x: x % 2 == 0, range(7))))


class Pairs(zip):
    pass


p = Pairs("ab", [1, 2])
p.tag = 1
print(next(p), list(p), p.tag)
try:
    class R(reversed):
        pass
except TypeError as e:
    print("TypeError:", e)


class Backwards(reversed):
    def __init__(self, seq):
        self.seq = seq


b = Backwards("abc")
print(type(b).__name__, list(b), type(Backwards([1, 2])).__name__, b.seq)
