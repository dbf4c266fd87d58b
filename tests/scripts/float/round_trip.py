values = [0.1, 1/3, 2.0**0.5, 1e100, 123.456, 9007199254740993.0]
for v in values:
    s = repr(v)
    print(s, float(s) == v)
