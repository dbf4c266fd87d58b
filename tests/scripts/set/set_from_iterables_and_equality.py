a = set([1, 2, 2, 3])
b = set(range(1, 4))
c = set((3, 2, 1))
print(a == b == c, a is not b, len(a))
print(set("") == set(), {1, 2} != {1, 2, 3}, {1, 2} | set() == {1, 2})
print(sorted(set("mississippi")))
d = {1: "x", 2: "y"}
print(set(d) == {1, 2}, set(d.values()) == {"x", "y"})
