b = bytearray()
b.extend(b"abc")
b += bytearray(b"d")
print(b)
