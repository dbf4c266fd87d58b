# A class's own __getattribute__ sees every lookup; __getattr__ follows an AttributeError.
class Logged:
    def __init__(self):
        self.a = 1

    def __getattribute__(self, name):
        if name.startswith("secret"):
            raise AttributeError(name)
        print("lookup", name)
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        return "fallback " + name

    def method(self):
        return "method"


x = Logged()
print(x.a)
print(x.method())
print(x.secret_key)
print(x.missing)
print(getattr(x, "a"), hasattr(x, "secret"))


class Upper:
    def __getattribute__(self, name):
        return name.upper()


print(Upper().anything, getattr(Upper(), "x"))
