s = "text"
up = getattr(s, "upper")
print(up(), getattr(s, "nope", None), getattr([], "append") is not None)
class C:
    x = 1
print(getattr(C, "x"), getattr(C(), "x"), hasattr(C, "y"))
setattr(C, "y", 2)
print(C().y)
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print(type(e).__name__, e)
