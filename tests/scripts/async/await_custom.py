# Anything with __await__ returning an iterator can be awaited, and so can
# generators marked by types.coroutine; coro.__await__() is an iterator too.
import types

class Ticks:
    def __init__(self, n):
        self.n = n
    def __await__(self):
        for i in range(self.n):
            got = yield ("tick", i)
            print("  tick got", got)
        return "ticked %d" % self.n

@types.coroutine
def pause(what):
    got = yield what
    return got

async def inner():
    return await Ticks(2)

class Delegate:
    def __await__(self):
        return inner().__await__()

async def main():
    print(await Ticks(2))
    print(await pause("paused"))
    print(await Delegate())
    return "done"

c = main()
sent = None
step = 0
try:
    while True:
        out = c.send(sent)
        step += 1
        print("out", out)
        sent = step * 10
except StopIteration as e:
    print(e.value)

w = inner().__await__()
print(type(w).__name__, iter(w) is w)
print(next(w))
print(w.send("x"))
try:
    w.send("y")
except StopIteration as e:
    print("stop", e.value)
