class Bad:
    def __init__(self):
        return 5
try:
    Bad()
except TypeError as e:
    print(type(e).__name__, e)
class NoInit:
    pass
try:
    NoInit(1)
except TypeError as e:
    print(type(e).__name__, e)
class Takes:
    def __init__(self, a):
        self.a = a
try:
    Takes()
except TypeError as e:
    print(type(e).__name__, e)
