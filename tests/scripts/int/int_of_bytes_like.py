# int() reads any bytes-like object as the digits it holds; errors name it
# as bytes, as CPython does.
import array

print(int(b"123"), int(bytearray(b"123")), int(memoryview(b"123")))
print(int(memoryview(b" 12 ")), int(bytearray(b"1_000")), int(array.array("b", [52, 50])))
print(int(bytearray(b"-99999999999999999999")))
for bad in (bytearray(b"x"), memoryview(b"1.5"), bytearray(b"")):
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
for args in ((bytearray(b"ff"), 16), (memoryview(b"11"), 2)):
    try:
        int(*args)
    except TypeError as e:
        print("TypeError:", e)
print(int(bytearray(b"ff"), 16), int(bytearray(b"0x1f"), 0))
