class Switch:
    def __await__(self):
        yield "switch"


async def child(n):
    await Switch()
    return n * 2


async def parent():
    a = await child(1)
    b = await child(2)
    return a + b


coro = parent()
try:
    while True:
        coro.send(None)
except StopIteration as e:
    print("result", e.value)
