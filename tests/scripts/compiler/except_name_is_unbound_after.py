# `except E as e` deletes e at the end of the handler, even on early exits.
def f():
    e = "before"
    try:
        raise ValueError("x")
    except ValueError as e:
        print("in handler", e)
    try:
        print(e)
    except UnboundLocalError as err:
        print("UnboundLocalError", err)
f()
def g():
    for i in range(2):
        try:
            1 / 0
        except ZeroDivisionError as exc:
            break
    return "exc" in dir()
print(g())
try:
    raise KeyError("k")
except KeyError as err:
    pass
print("err" in globals())
