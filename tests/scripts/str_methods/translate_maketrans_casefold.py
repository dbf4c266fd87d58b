# str.maketrans and str.translate; casefold's foldings beyond lower(); ascii().
table = str.maketrans("abc", "xyz", "!")
print(table)
print("a-b-c!".translate(table), "hello".translate({ord("l"): None, ord("o"): "0"}))
print("abc".translate(str.maketrans({"a": "A", 98: "BB", "c": None})))
print("Straße".casefold(), "ǅ ΣΑΣ ς ﬁ".casefold(), "ABC".casefold())
print(ascii("é ✓ 😀 plain"), ascii(["ü", 1]), ascii("ascii only"))


class Upper:
    def __getitem__(self, cp):
        if cp == ord(" "):
            raise LookupError
        return chr(cp).upper()


print("so it goes".translate(Upper()))
for bad in ['str.maketrans("ab", "x")', 'str.maketrans({"ab": 1})', 'str.maketrans([1])',
            '"a".translate({97: 1.5})', '"a".translate({97: -1})']:
    try:
        eval(bad)
    except (TypeError, ValueError) as e:
        print(bad, type(e).__name__, e)
