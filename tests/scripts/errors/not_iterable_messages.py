for obj in [5, 1.5, None, True, len]:
    try:
        for _ in obj:
            pass
    except TypeError as e:
        print(e)
