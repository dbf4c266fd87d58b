print(repr(1), repr(1.0), repr("a"), repr([1, "a"]), repr(None), repr(True), repr(b"x"))
print(repr((1,)), repr({}), repr(set()), repr(range(3)), repr({"k": (1, [2])}))
print(repr(len), repr(int), repr(ValueError("m")))
