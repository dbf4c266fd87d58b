t = (1, 2)
try:
    t[2]
except IndexError as e:
    print(type(e).__name__, e)
try:
    t.index(5)
except ValueError as e:
    print(type(e).__name__, e)
try:
    hash(([],))
except TypeError as e:
    print(type(e).__name__, e)
