# __set_name__ runs for every attribute the class body made, even when an
# earlier call replaced or removed it; an error in it is wrapped as in 3.11.
class SetOther:
    def __init__(self, other, value):
        self.other, self.value = other, value

    def __set_name__(self, owner, name):
        print("set_name", name)
        setattr(owner, self.other, self.value)


class Swapped:
    a = SetOther("b", 312)
    b = SetOther("a", 311)


print(Swapped.a, Swapped.b)


class Fails:
    def __set_name__(self, owner, name):
        raise ValueError("no")


try:
    class Broken:
        desc = Fails()
except Exception as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
