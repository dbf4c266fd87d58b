class O:
    pass
o = O()
setattr(o, "name", "dyn")
print(getattr(o, "name"), o.name)
print(getattr(o, "missing", "default"))
print(hasattr(o, "name"), hasattr(o, "missing"))
delattr(o, "name")
print(hasattr(o, "name"))
try:
    getattr(o, "name")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(o, 5)
except TypeError as e:
    print(type(e).__name__, e)
