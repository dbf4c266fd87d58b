try:
    print(2.0 ** 10000)
except OverflowError as e:
    print(type(e).__name__, e)
print(1e308 * 10, -1e308 * 10)
try:
    float(10 ** 18) ** 20
except OverflowError as e:
    print(type(e).__name__, e)
