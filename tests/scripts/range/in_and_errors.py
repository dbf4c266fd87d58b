r = range(0, 20, 5)
print(10 in r, 11 in r, 20 in r, -5 in r, 5.0 in r)
print(r[3], len(r))
try:
    r[4]
except IndexError as e:
    print(type(e).__name__, e)
try:
    range(1, 2, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    range(1.5)
except TypeError as e:
    print(type(e).__name__, e)
