for f in [lambda: -"a", lambda: +[], lambda: ~1.5, lambda: ~"x", lambda: -None]:
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
