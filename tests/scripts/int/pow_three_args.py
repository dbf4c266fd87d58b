print(pow(2, 10, 1000), pow(3, 4, 5), pow(-3, 3, 7), pow(7, 0, 3))
print(pow(2, 62), pow(2, -2))
try:
    pow(2, 3, 0)
except ValueError as e:
    print(type(e).__name__, e)
