a = 1
del a
try:
    print(a)
except NameError as e:
    print(type(e).__name__, e)
def f():
    b = 2
    del b
    try:
        return b
    except UnboundLocalError as e:
        return str(e)
print(f())
