class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n == 0:
            raise StopIteration("class done")
        self.n -= 1
        return self.n
def gen():
    r = yield from Countdown(3)
    yield "returned " + repr(r)
print(list(gen()))
