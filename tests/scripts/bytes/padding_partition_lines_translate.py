# bytes: center ljust rjust zfill partition rpartition splitlines expandtabs
# translate maketrans hex(sep), with CPython's errors.
b = b"ab"
print(b.center(6, b"*"), b.center(5), b"abc".center(6, b"-"), b.ljust(4), b.rjust(4, b"."), b.center(1))
print(b"-5".zfill(4), b"+7".zfill(3), b"42".zfill(1), b"".zfill(2))
print(b"a=b=c".partition(b"="), b"a=b=c".rpartition(b"="), b"abc".partition(b"x"), b"abc".rpartition(b"x"))
print(b"a\nb\r\nc\rd".splitlines(), b"x\n\ny\n".splitlines(keepends=True), b"a\x0cb\x1cc".splitlines())
print(b"a\tbc\td".expandtabs(4), b"\tx".expandtabs(), b"a\nb\tc".expandtabs(2), b"a\tb".expandtabs(0))
table = bytes.maketrans(b"abc", b"xyz")
print(b"aabbcc!".translate(table), b"hello".translate(None, b"l"), b"abc".translate(table, delete=b"b"))
print(b"\x01\xff\x10".hex(), b"\x01\xff\x10".hex(":"), b"\x01\x02\x03\x04\x05".hex("-", 2), b"\x01\x02\x03".hex(b" ", -2))
for bad in ['b.center()', 'b.center(5, "*")', 'b.center(5, b"**")', 'b.zfill("x")', 'b.partition("x")',
            'b.partition(b"")', 'b.expandtabs("x")', 'b.hex("::")', 'b.translate(b"x")',
            'bytes.maketrans(b"a", b"bc")']:
    try:
        eval(bad)
    except (TypeError, ValueError) as e:
        print(bad, type(e).__name__, e)
