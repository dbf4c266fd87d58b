print(b"\x00\x01\t\n\r\x7f\x80\xff")
print(b"'", b'"', b"'\"")
print(repr(b"\\"), str(b"q"))
print(bytes(range(30, 40)))
