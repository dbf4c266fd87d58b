x = None
try:
    x.foo
except AttributeError as e:
    print(type(e).__name__, e)
try:
    x()
except TypeError as e:
    print(type(e).__name__, e)
try:
    x + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    len(x)
except TypeError as e:
    print(type(e).__name__, e)
