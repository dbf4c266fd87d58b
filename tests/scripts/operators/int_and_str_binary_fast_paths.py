# Binary operators on two ints or two strs take a short path in Baton; the
# results, errors and subclass hooks must match CPython.
print(7 % 3, -7 % 3, 7 % -3, 7 // 2, -7 // 2, 2 ** 10, 1 << 5, 7 & 3, 7 | 8, 7 ^ 2, 7 / 2)
x = 10
x %= 4
x **= 3
x //= 3
print(x)
s = "ab"
s += "cd"
print(s + "ef", "" + s, s + "")
for a, b in [(1, 0), ("a", 1), (1, "a"), ("a", None)]:
    try:
        print(a % b if isinstance(a, int) else a + b)
    except Exception as e:
        print(type(e).__name__ + ":", e)
try:
    1 @ 2
except TypeError as e:
    print(e)
class R:
    def __radd__(self, other):
        return "radd(" + other + ")"
    def __rmod__(self, other):
        return "rmod"
print("x" + R(), 5 % R(), True + True, True % 2, 3 + True)
print(9223372036854775807 % 10, (-9223372036854775807 - 1) % 7)
