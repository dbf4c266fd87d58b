# type(name, bases, dict) makes a class like a class statement does.
Base = type("Base", (), {"greet": lambda self: "hi from " + type(self).__name__})
Child = type("Child", (Base,), {"x": 1})
c = Child()
print(c.greet(), Child.x, Child.__mro__[1].__name__, Child.__module__, Child.__qualname__)
print(isinstance(c, Base), type(c) is Child)
for bad in [(1, (), {}), ("A", [], {}), ("A", (), [])]:
    try:
        type(*bad)
    except TypeError as e:
        print("TypeError", e)
try:
    type("A", ())
except TypeError as e:
    print("TypeError", e)
