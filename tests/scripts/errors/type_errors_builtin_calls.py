for f in [lambda: len(), lambda: len(1, 2), lambda: abs(), lambda: int([]), lambda: float(None),
          lambda: chr("a"), lambda: ord(5), lambda: sorted(1), lambda: list(1, 2)]:
    try:
        f()
    except TypeError as e:
        print(e)
