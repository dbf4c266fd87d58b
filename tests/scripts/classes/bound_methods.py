class Greeter:
    def __init__(self, name):
        self.name = name
    def hello(self, other):
        return self.name + " greets " + other
g = Greeter("A")
m = g.hello
print(m("B"))
print(Greeter.hello(g, "C"))
print(type(m).__name__, g.hello == m, g.hello is m)
print(repr(m).startswith("<bound method Greeter.hello of <__main__.Greeter object at 0x"))
fs = [Greeter(n).hello for n in "xy"]
print([f("z") for f in fs])
