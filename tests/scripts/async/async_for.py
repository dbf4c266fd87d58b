# async for calls __aiter__ once, then awaits __anext__ until StopAsyncIteration.
import types

@types.coroutine
def nap():
    yield "nap"

class Countdown:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        print("  aiter")
        return self
    async def __anext__(self):
        await nap()
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n

async def main():
    async for i in Countdown(3):
        print("  got", i)
    else:
        print("  else ran")
    async for i in Countdown(5):
        if i == 3:
            continue
        if i == 1:
            break
        print("  second", i)
    else:
        print("  not printed")
    total = 0
    async for i in Countdown(4):
        total += i
    return total

c = main()
naps = 0
try:
    while True:
        c.send(None)
        naps += 1
except StopIteration as e:
    print("total", e.value, "naps", naps)
