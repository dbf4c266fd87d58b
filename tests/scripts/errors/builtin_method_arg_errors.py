for f in [lambda: [].append(), lambda: [].append(1, 2), lambda: {}.get(), lambda: "a".upper(1),
          lambda: [].insert(0), lambda: "x".join(), lambda: {}.pop()]:
    try:
        f()
    except TypeError as e:
        print(e)
