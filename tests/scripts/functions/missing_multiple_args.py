def f(a, b, c):
    pass
try:
    f()
except TypeError as e:
    print(e)
try:
    f(1)
except TypeError as e:
    print(e)
def g(*, x, y):
    pass
try:
    g()
except TypeError as e:
    print(e)
def h(a, b=2):
    pass
try:
    h(1, 2, 3)
except TypeError as e:
    print(e)
