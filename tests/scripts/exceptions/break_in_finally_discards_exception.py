def f():
    for i in range(3):
        try:
            raise ValueError("discarded %d" % i)
        finally:
            break
    return "loop broken, exception gone"
print(f())
def g():
    for i in range(3):
        try:
            if i < 2:
                raise KeyError(i)
        except KeyError as e:
            print("handled", e)
            continue
        finally:
            print("finally", i)
    return "done"
print(g())
