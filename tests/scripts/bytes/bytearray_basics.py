# bytearray: the mutable bytes.
b = bytearray(b"hello")
print(b, len(b), b[0], b[-1], b[1:3], type(b[1:3]).__name__, bytearray(), bytearray(3), bytearray([65, 66]))
b[0] = 72
b.append(33)
b.extend(b" world")
b.extend([46, 46])
b.insert(0, 62)
print(b, b.pop(), b.pop(0), b)
b[1:3] = b"YY"
print(b)
del b[0]
del b[-3:]
print(b, b"ll" in b, 108 in b, 120 in b)
b.remove(89)
b.reverse()
print(b, b.copy(), b.copy() is b)
b += b"!!"
c = b * 2
b *= 2
print(b, c, b == c, b == bytes(c), bytes(b), b"x" + bytearray(b"y"), bytearray(b"x") + b"y")
print(b.upper(), b.find(b"l"), b.split(b"l"), b.partition(b"!"), b.decode(), b.hex(), b.count(b"!"))
print(bytearray(b" a ").strip(), bytearray(b"a,b").replace(b",", b";"), bytearray(b",").join([b"a", b"b"]))
print(list(bytearray(b"abc")), sorted(bytearray(b"cba")), bytearray("héllo", "utf-8"), bytearray(b"%d") % 5)
x = bytearray(b"0123456789")
x[::2] = b"abcde"
print(x)
del x[::3]
print(x, x < b"b", x > bytearray(b"1"), bool(bytearray()), str(bytearray(b"q")))
it = iter(x)
next(it)
x[1] = 90
print(next(it))
for f in (lambda: hash(b), lambda: b.append(256), lambda: bytearray().pop(), lambda: x[100],
          lambda: x.remove(255), lambda: bytearray(b"ab").__setitem__(slice(None, None, 2), b"xyz")):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)


class Buffer(bytearray):
    def shout(self):
        return self.upper()


buf = Buffer(b"abc")
buf.append(100)
print(buf, buf.shout(), len(buf), isinstance(buf, bytearray))

# Empty ones everywhere (an empty bytearray has no buffer yet).
e = bytearray()
print(e == b"", e < b"a", b"" + e, e + b"", e * 3, e[:], e.copy(), b"" in e, e.split(), e.upper(), e.hex())
e.extend(b"")
e += bytearray()
del e[:]
print(e, len(e), bytes(e), list(e), e.find(b""), bytearray(b"ab")[5:], bytearray(0))
