# The built-in types' operators are methods too: what super() reaches from a
# subclass, and what code calls by name.
print(int.__add__(2, 3), int.__radd__(2, 3), int.__sub__(2, 3), int.__rsub__(2, 3))
print(int.__add__(2, "x"), float.__mul__(1.5, 2), float.__rtruediv__(2.0, 1))
print(str.__add__("a", "b"), str.__mul__("ab", 2), str.__rmul__("ab", 3), str.__mod__("%d!", 5))
print(tuple.__add__((1,), (2,)), list.__iadd__([1], [2]), set.__or__({1}, {2}), dict.__or__({1: 2}, {3: 4}))
print(int.__lt__(1, 2), int.__eq__(1, 1.0), float.__ge__(1.0, 2), str.__lt__("a", "b"), int.__eq__(1, "1"))
print(str.__len__("abc"), tuple.__len__((1, 2)), str.__contains__("abc", "b"), str.__getitem__("abc", 1))
print(int.__neg__(5), int.__invert__(5), float.__neg__(1.5), int.__bool__(0), float.__bool__(0.5))
print(int.__abs__(-3), float.__abs__(-2.5), int.__float__(3), float.__int__(3.9), float.__trunc__(-3.9))
print(round(2.675, 2), float.__round__(2.675, 2), int.__round__(15, -1), divmod(7, 2), int.__divmod__(7, 2))
print(int.__rdivmod__(2, 7), float.__divmod__(7.5, 2), int.__hash__(5), str.__hash__("a") == hash("a"))
print(int.__repr__(5), str.__repr__("a"), bool.__repr__(True), bool.__and__(True, False), frozenset.__or__(frozenset(), {1}))
print(set.__sub__({1, 2}, {1}), set.__rsub__({1, 2}, {1, 2, 3}), list(str.__iter__("ab")))
print(hasattr(3, "__add__"), hasattr("x", "__len__"), hasattr(3, "__len__"), hasattr(1.0, "__matmul__"))
s = {1}
print(set.__ior__(s, {2}) is s, s)
for bad in (lambda: int.__add__(1), lambda: int.__add__(1, 2, 3), lambda: int.__neg__(1, 2)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)


class Money(int):
    def __add__(self, other):
        return Money(super().__add__(other))

    def __repr__(self):
        return f"${int(self)}"

    def __lt__(self, other):
        print("compare", int(self), other)
        return super().__lt__(other)


m = Money(5)
print(m + 3, 3 + m, m + m, sorted([Money(3), Money(1)]), m < 10)


class Upper(str):
    def __getitem__(self, i):
        return super().__getitem__(i).upper()

    def __len__(self):
        return super().__len__() * 10

    def __contains__(self, x):
        return super().__contains__(x.lower())


u = Upper("abc")
print(u[0], len(u), "B" in u, u.upper(), [c for c in u])


class Ordered(tuple):
    def __eq__(self, other):
        return super().__eq__(tuple(other))

    __hash__ = tuple.__hash__


print(Ordered((1, 2)) == [1, 2], hash(Ordered((1, 2))) == hash((1, 2)))
