# str(), f-strings and format() of ints, bools and strs share fast paths in
# Baton; each must still print what CPython prints.
for n in [0, 7, -7, 10, 999, -1000, 123456789, 9223372036854775807, -9223372036854775807 - 1]:
    print(str(n), f"{n}", f"<{n}>", format(n, ""), repr(n), len(str(n)))
print(f"{True}", f"{False}", str(True), format(True, ""), f"{None}")
print(f"{'x'}{1}{'y'}", f"{3:>4}|", f"{-3:05}", f"{12:x}")
print(str(b"ab", "ascii"), str(object="kw"), str())
class Money:
    def __str__(self):
        return "3 EUR"
    def __format__(self, spec):
        return "fmt[" + spec + "]"
print(str(Money()), f"{Money()}", f"{Money():>2}", format(Money(), ""))
