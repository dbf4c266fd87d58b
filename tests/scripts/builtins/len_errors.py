print(len([1, 2]), len("abc"), len({}), len(range(10)), len(b"xy"), len((1,)), len({1}))
for obj in [5, 1.5, None, iter([])]:
    try:
        len(obj)
    except TypeError as e:
        print(type(e).__name__, e)
