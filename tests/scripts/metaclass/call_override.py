# A metaclass's __call__ decides what calling the class does;
# super().__call__ runs the normal __new__/__init__ path.
class Singleton(type):
    instances = {}

    def __call__(cls, *args, **kwargs):
        if cls not in Singleton.instances:
            Singleton.instances[cls] = super().__call__(*args, **kwargs)
        return Singleton.instances[cls]


class Config(metaclass=Singleton):
    def __init__(self, name, debug=False):
        print("init", name, debug)
        self.name = name
        self.debug = debug


a = Config("first", debug=True)
b = Config("second")
print(a is b, b.name, b.debug)


class Tagging(type):
    def __call__(cls, *args):
        return ("not an instance", cls.__name__, args)


class Odd(metaclass=Tagging):
    def __init__(self):
        print("never runs")


print(Odd(1, 2))
try:
    Config.__class__.__call__(Odd)
except TypeError as e:
    print("TypeError", e)
