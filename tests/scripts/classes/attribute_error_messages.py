class Thing:
    def __init__(self):
        self.a = 1
t = Thing()
try:
    t.b
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Thing.missing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del t.nope
except AttributeError as e:
    print(type(e).__name__, e)
try:
    (1).foo = 2
except AttributeError as e:
    print(type(e).__name__, e)
