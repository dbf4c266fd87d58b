x = 10
def f():
    print(x)
    x = 5
try:
    f()
except UnboundLocalError as e:
    print(type(e).__name__, e)
    print(isinstance(e, NameError))
def g():
    y += 1
    y = 0
try:
    g()
except NameError as e:
    print(type(e).__name__, e)
