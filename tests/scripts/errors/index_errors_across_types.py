for obj in [[], (), "", b"", range(0)]:
    try:
        obj[0]
    except IndexError as e:
        print(type(obj).__name__, "->", e)
