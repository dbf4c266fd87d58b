for n in [0, 1, 255, -255, 4096]:
    print(hex(n), oct(n), bin(n))
try:
    hex(1.5)
except TypeError as e:
    print(type(e).__name__, e)
