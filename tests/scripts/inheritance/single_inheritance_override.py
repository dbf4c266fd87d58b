class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + " makes a sound"
    def intro(self):
        return "I am " + self.name + ": " + self.speak()
class Dog(Animal):
    def speak(self):
        return self.name + " barks"
print(Animal("generic").intro())
print(Dog("rex").intro())
print(isinstance(Dog("x"), Animal))
