print(1 == 1.0, 1 == "1", [1] == (1,), None == 0, "a" == b"a")
print(1 < 1.5, True < 2, 0.5 > False)
for f in [lambda: 1 < "1", lambda: [1] < (1,), lambda: None > None, lambda: {1} < [1], lambda: 1.5 >= "x"]:
    try:
        f()
    except TypeError as e:
        print(e)
