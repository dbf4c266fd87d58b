for obj, name in [(1, "x"), ("s", "append"), ([], "add"), ({}, "append"), (None, "y"), (len, "z")]:
    try:
        getattr(obj, name)
    except AttributeError as e:
        print(e)
