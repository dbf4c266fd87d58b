b = b"abc"
try:
    b[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
print(b)
try:
    bytes([256])
except ValueError as e:
    print(type(e).__name__, e)
