class Bag:
    def __init__(self, *items):
        self.items = items
    def __iter__(self):
        for i in self.items:
            yield i
def gen():
    yield from Bag("x", "y")
    yield from Bag()
    yield "end"
print(list(gen()))
