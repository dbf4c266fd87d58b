def f():
    try:
        1 / 0
    except ZeroDivisionError:
        print("logging and re-raising")
        raise
try:
    f()
except ZeroDivisionError as e:
    print("outer caught", type(e).__name__, e)
try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)
