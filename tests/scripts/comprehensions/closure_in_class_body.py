class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    try:
        scaled = [v * factor for v in vals for factor in [10]]
    except NameError as e:
        scaled = str(e)
    factor = 3
    try:
        bad = [v * factor for v in vals]
    except NameError as e:
        bad = str(e)
print(C.doubled, C.scaled, C.bad)
