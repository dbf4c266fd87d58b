class Plain:
    pass
p = Plain()
print(repr(p).startswith("<__main__.Plain object at 0x"), str(p) == repr(p))
print(Plain)
print(type(p), type(p).__name__, Plain.__name__)
print(p)
