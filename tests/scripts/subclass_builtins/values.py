# Subclasses of int, float, str, bytes, tuple, set and frozenset: the value
# behaves as the built-in's, the class adds methods and attributes.


class Celsius(float):
    def __repr__(self):
        return f"{float(self):.1f}C"

    def to_f(self):
        return Celsius(self * 9 / 5 + 32)


class Flags(int):
    def has(self, bit):
        return bool(self & bit)


class Name(str):
    def shout(self):
        return self.upper() + "!"


class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))

    @property
    def first(self):
        return self[0]


class Tags(set):
    def tagged(self, tag):
        return tag in self


class Frozen(frozenset):
    pass


class Raw(bytes):
    pass


c = Celsius(21.5)
print(c, repr(c), str(c), c + 1, type(c + 1).__name__, c.to_f(), float(c), int(c))
print(c == 21.5, 21.5 == c, c < 22, hash(c) == hash(21.5), isinstance(c, float), -c, abs(c))
f = Flags(6)
print(f, f.has(2), f.has(1), f + 1, 1 + f, f * 2, f // 4, f % 4, -f, ~f, f << 1, f | 1)
print(type(f + 1).__name__, int(f), float(f), bool(Flags(0)), [10, 20, 30, 40, 50, 60, 70][f])
print(range(f), "ab" * Flags(2), hex(f), f"{f:>4}|{f:b}", "%d %x %s %r" % (f, f, f, f))
print(list(range(10))[Flags(1):Flags(3)], divmod(f, 4), pow(f, 2), round(Flags(7)), f.bit_length())
n = Name("alice")
print(n, repr(n), n.shout(), n.upper(), type(n.upper()).__name__, len(n), n[0], n[1:3], "-".join([n, n]))
print(n + "!", "hi " + n, n * 2, "li" in n, n.startswith("al"), "alice".startswith(n), n == "alice")
print({n: 1}["alice"], {"alice": 2}[n], sorted([Name("b"), "a", Name("c")]), f"{n}|{n!r}|{n:>7}")
print("%s and %r" % (n, n), str(n), type(str(n)).__name__, list(n), n.split("i"), int(Name("42")))
p = Pair(1, 2)
print(p, p.first, p + (3,), (0,) + p, len(p), list(p), p == (1, 2), (1, 2) == p, p < (1, 3))
a, b = p
print(a, b, hash(p) == hash((1, 2)), p[::-1], p.count(1), p.index(2), isinstance(p, tuple))
print("%d-%d" % p, max(p), sum(p), {p: "pair"}[(1, 2)], sorted([Pair(2, 1), Pair(1, 2)]))
s = Tags(["x", "y"])
s.add("z")
s |= {"w"}
print(type(s).__name__, sorted(s), s.tagged("x"), "q" in s, len(s), s == {"x", "y", "z", "w"})
print(sorted(s & {"x", "q"}), type(s & {"x"}).__name__, sorted(s - {"x"}))
fr = Frozen([1, 2])
print(sorted(fr), hash(fr) == hash(frozenset([1, 2])), fr | {3}, type(fr | {3}).__name__)
r = Raw(b"abc")
print(r, r[0], r.upper(), r + b"d", len(r), r.decode(), b"a" in r)
n.nickname = "al"
print(n.nickname, n.__dict__, type(n) is Name, Name.__mro__)


class Meters(float):
    def __new__(cls, value, unit="m"):
        self = super().__new__(cls, value * (1000 if unit == "km" else 1))
        self.unit = unit
        return self

    def __init__(self, value, unit="m"):
        self.shown = f"{value}{unit}"


m = Meters(2, "km")
print(m, m.unit, m.shown, m + 1)
try:
    object.__new__(Name)
except TypeError as e:
    print("TypeError:", e)
try:
    str.__new__(int)
except TypeError as e:
    print("TypeError:", e)
try:
    int.__new__(Name, 3)
except TypeError as e:
    print("TypeError:", e)
