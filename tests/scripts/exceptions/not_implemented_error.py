class Base:
    def area(self):
        raise NotImplementedError("subclasses must define area")
try:
    Base().area()
except NotImplementedError as e:
    print(type(e).__name__, e, isinstance(e, RuntimeError))
print(NotImplemented, type(NotImplemented).__name__)
