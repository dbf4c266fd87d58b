def f():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("hidden cause") from None
f()
