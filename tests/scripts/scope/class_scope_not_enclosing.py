x = "module"
class C:
    x = "class"
    def method(self):
        return x
    y = x + "!"
    items = [x for _ in range(1)]
print(C().method(), C.y, C.items)
