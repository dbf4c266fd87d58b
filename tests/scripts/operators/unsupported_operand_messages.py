cases = [
    lambda: 1 + "a", lambda: "a" - "b", lambda: [1] * [2], lambda: {} | 1,
    lambda: 1 / "2", lambda: None // 1, lambda: 2 ** "x", lambda: (1,) - (1,),
    lambda: 1 << 1.0, lambda: 1.5 & 1, lambda: [] % 1, lambda: b"" + 1,
]
for f in cases:
    try:
        f()
    except TypeError as e:
        print(e)
