print(2.0 ** 3, 2 ** 0.5, 8 ** (1/3), (-2.0) ** 2, 2.0 ** -1)
print(0.0 ** 0, 1.0 ** 1e308)
try:
    print(10.0 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
