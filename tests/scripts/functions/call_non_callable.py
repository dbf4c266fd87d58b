for obj in [1, "s", [1], None, (1,)]:
    try:
        obj()
    except TypeError as e:
        print(e)
