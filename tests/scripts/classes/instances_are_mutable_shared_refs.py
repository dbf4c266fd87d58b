class Box:
    def __init__(self, v):
        self.v = v
a = Box(1)
b = a
b.v = 2
print(a.v, a is b)
boxes = [Box(i) for i in range(3)]
for bx in boxes:
    bx.v *= 10
print([bx.v for bx in boxes])
