def logged(fn):
    def wrapper(self, *args):
        print("->", fn.__name__, args)
        return fn(self, *args)
    return wrapper
class Calc:
    def __init__(self, base):
        self.base = base
    @logged
    def add(self, x):
        return self.base + x
print(Calc(10).add(5))
