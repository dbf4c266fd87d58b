print("[" + "ab".ljust(5) + "]", "[" + "ab".rjust(5) + "]", "[" + "ab".center(6) + "]")
print("ab".ljust(5, "*"), "ab".rjust(5, "-"), "ab".center(7, "."))
print("abc".center(6), "|", "abc".center(4, "*"))
print("toolong".ljust(3), "toolong".rjust(3), "toolong".center(2))
try:
    "a".ljust(5, "ab")
except TypeError as e:
    print(type(e).__name__, e)
