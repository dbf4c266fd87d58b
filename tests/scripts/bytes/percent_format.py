# bytes % args (PEP 461): %s and %b take bytes, %r and %a give ascii(), %c
# a byte, numbers as for str; the result is bytes.
print(b"abc%d" % 5, b"%s-%s" % (b"x", b"yz"), b"%b" % b"raw")
print(b"%5s|%-5s|%.2s" % (b"ab", b"cd", b"efgh"))
print(b"%r %a" % ("caf\u00e9", [1, b"x"]))
print(b"%c%c%c" % (65, b"B", 0x43))
print(b"%x %X %o %05d %+.3f %e %g %%" % (255, 255, 8, 42, 3.14159, 12345.678, 0.0001))
print(b"%(name)s is %(age)d" % {b"name": b"Ada", b"age": 36})


class Blob:
    def __bytes__(self):
        return b"<blob>"


print(b"%s" % Blob(), b"[%s]" % Blob())
for bad in [lambda: b"%s" % "text", lambda: b"%c" % 256, lambda: b"%c" % "x",
            lambda: b"%d %d" % 1, lambda: b"%d" % (1, 2), lambda: b"%z" % 1,
            lambda: b"%(k)s" % 1, lambda: "%s" % 1 % 2]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(b"%s" % (b"t",), b"%%d" % (), b"plain" % ())
