def add_greet(cls):
    def greet(self):
        return "hello from " + type(self).__name__
    cls.greet = greet
    return cls
@add_greet
class Person:
    pass
print(Person().greet())
def replace_with_string(cls):
    return "replaced " + cls.__name__
@replace_with_string
class Gone:
    pass
print(Gone)
