# int() of short decimal text (a fast path in Baton) must agree with the
# general parser on signs, zeros, 18/19 digits and everything it refuses.
for text in ["0", "7", "-0", "+5", "-5", "007", "-007", "123456789012345678",
             "-123456789012345678", "999999999999999999", "9223372036854775807",
             "-9223372036854775808", " 42", "42 ", "\t-3\n", "1_000", "٣"]:
    print(repr(text), int(text))
for text in ["", "-", "+", "--5", "+-5", "5-", "1.5", "0x10", "1 2", "_1", "1__0"]:
    try:
        int(text)
    except ValueError as e:
        print(repr(text), "ValueError:", e)
print(int("ff", 16), int("10", 10), int("-10", base=10), int("0010", 10))
