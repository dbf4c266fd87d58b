try:
    print("x", sep=1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("x", end=2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("x", bogus=1)
except TypeError as e:
    print(type(e).__name__, e)
