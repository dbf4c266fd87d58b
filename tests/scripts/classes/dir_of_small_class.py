class Animal:
    legs = 4
    def speak(self):
        return "..."
    def _private(self):
        pass
a = Animal()
a.name = "rex"
print([n for n in dir(a) if not n.startswith("__")])
print([n for n in dir(Animal) if not n.startswith("__")])
print("__init__" in dir(a), "speak" in dir(Animal))
