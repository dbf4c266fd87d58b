# A cooperative __init_subclass__ calls super() up to object's, which takes no arguments.
class Base:
    def __init_subclass__(cls, **kw):
        print("Base sees", cls.__name__, kw)
        super().__init_subclass__(**kw)


class Child(Base):
    pass


class Grandchild(Child):
    pass


class Plain:
    pass


for call in (lambda: Plain.__init_subclass__(), lambda: Plain.__init_subclass__(1),
             lambda: Plain.__init_subclass__(x=1), lambda: object.__init_subclass__(x=1)):
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
try:
    class Keyed(Base, colour="red"):
        pass
except TypeError as e:
    print("TypeError:", e)
