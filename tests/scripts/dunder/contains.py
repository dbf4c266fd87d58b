class Evens:
    def __contains__(self, x):
        print("checking", x)
        return x % 2 == 0
e = Evens()
print(4 in e, 5 in e, 5 not in e)
class Truthy:
    def __contains__(self, x):
        return "yes"
print(1 in Truthy())
