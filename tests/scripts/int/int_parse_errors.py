for s, base in [('abc', 10), ('12.5', 10), ('', 10), ('9', 8), ('0x', 16)]:
    try:
        int(s, base)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    int('5', 1)
except ValueError as e:
    print(type(e).__name__, e)
