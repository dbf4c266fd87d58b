for target, value in [(3, [1, 2]), (2, [1, 2, 3]), (2, [1])]:
    try:
        if target == 3:
            a, b, c = value
        else:
            a, b = value
    except ValueError as e:
        print(type(e).__name__, e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b = 5
except TypeError as e:
    print(type(e).__name__, e)
