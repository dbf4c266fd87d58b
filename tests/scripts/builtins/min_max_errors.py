for f in [lambda: min([]), lambda: max(()), lambda: max(1), lambda: min(1, "a"), lambda: max()]:
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    max(1, 2, default=0)
except TypeError as e:
    print(type(e).__name__, e)
