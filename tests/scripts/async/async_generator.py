# An async def with yield is an async generator: async for drives it, and an
# await inside passes its yields through to whoever runs the coroutine.
import types

@types.coroutine
def tick(label):
    yield label

async def ticker(n):
    for i in range(n):
        await tick(f"tick {i}")
        yield i * i
    print("  ticker done")

async def main():
    got = []
    async for v in ticker(3):
        got.append(v)
    return got

c = main()
try:
    while True:
        print("event loop saw", c.send(None))
except StopIteration as e:
    print("result", e.value)

g = ticker(1)
print(type(g).__name__, g.__name__, repr(g).startswith("<async_generator object ticker at"))
print(g.ag_running, g.ag_await, g.ag_code.co_name)
a = g.__anext__()
print(type(a).__name__, a.__await__() is a)
print(a.send(None))
try:
    a.send(None)
except StopIteration as e:
    print("first value", e.value)
try:
    g.__anext__().send(None)
except StopAsyncIteration:
    print("StopAsyncIteration")
