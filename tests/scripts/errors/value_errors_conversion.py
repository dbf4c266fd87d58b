for f in [lambda: int("1.5"), lambda: float("x1"), lambda: int("  "), lambda: [].index(1),
          lambda: "abc".index("d"), lambda: (1,).index(2), lambda: int("12", 50)]:
    try:
        f()
    except ValueError as e:
        print(e)
