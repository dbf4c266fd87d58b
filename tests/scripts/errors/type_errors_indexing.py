for obj, key in [([1], "a"), ((1,), 1.0), ("s", None), (5, 0), (None, 0), ({1}, 0)]:
    try:
        obj[key]
    except TypeError as e:
        print(e)
