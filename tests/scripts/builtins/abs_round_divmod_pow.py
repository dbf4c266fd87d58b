print(abs(-3), abs(3.5), abs(-0.0), abs(True))
print(round(2.5), round(3.5), round(-2.5), round(0.125, 2), round(0.375, 2))
print(divmod(9, 4), divmod(-9, 4), divmod(9.0, 4))
print(pow(2, 5), pow(2.0, 3), pow(4, 0.5), pow(5, -1), pow(3, 3, 4))
try:
    abs("x")
except TypeError as e:
    print(type(e).__name__, e)
