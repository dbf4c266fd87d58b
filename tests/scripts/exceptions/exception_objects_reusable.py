err = ValueError("shared")
for i in range(2):
    try:
        raise err
    except ValueError as e:
        print(i, e is err, e)
e2 = RuntimeError("not raised")
print(e2.__context__, e2.__cause__, repr(e2))
