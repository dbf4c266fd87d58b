class Recorder:
    def __init__(self):
        self.log = []
    def __iter__(self):
        return self
    def __next__(self):
        return self.send(None)
    def send(self, value):
        self.log.append(value)
        if len(self.log) > 3:
            raise StopIteration("recorded %d" % len(self.log))
        return "ack %d" % len(self.log)
def delegator(rec):
    result = yield from rec
    yield result
r = Recorder()
d = delegator(r)
print(next(d))
print(d.send("a"))
print(d.send("b"))
print(d.send("c"))
print(r.log)
