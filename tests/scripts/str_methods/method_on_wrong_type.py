try:
    "abc".startswith(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    "abc".replace(1, "x")
except TypeError as e:
    print(type(e).__name__, e)
try:
    "abc".nosuch()
except AttributeError as e:
    print(type(e).__name__, e)
