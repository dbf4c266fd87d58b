a = b"abc"
print(a + b"def", a * 2, b"b" in a, 98 in a, 120 in a)
print(a == b"abc", a < b"abd", a != "abc")
print(len(a), bytes(3), bytes([65, 66]), bytes("hi", "utf-8"))
try:
    a + "x"
except TypeError as e:
    print(type(e).__name__, e)
