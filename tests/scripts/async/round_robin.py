# A tiny event loop: coroutines take turns at each `await switch()`.
import types
from collections import deque

@types.coroutine
def switch():
    yield

class Loop:
    def __init__(self):
        self.ready = deque()
    def spawn(self, coro):
        self.ready.append(coro)
    def run(self):
        while self.ready:
            coro = self.ready.popleft()
            try:
                coro.send(None)
            except StopIteration as e:
                print(f"{coro.__name__} finished with {e.value!r}")
            else:
                self.ready.append(coro)

async def countdown(name, n):
    while n > 0:
        print(name, n)
        n -= 1
        await switch()
    return name + " done"

async def worker():
    total = 0
    for i in range(3):
        total += await square(i)
    return total

async def square(i):
    await switch()
    return i * i

loop = Loop()
loop.spawn(countdown("rocket", 3))
loop.spawn(countdown("kettle", 2))
loop.spawn(worker())
loop.run()
