# Comprehensions with async for or await run inside a coroutine; a generator
# expression with them is an async generator.
import types

@types.coroutine
def pause():
    yield "pause"

async def numbers(n):
    for i in range(n):
        await pause()
        yield i

async def half(x):
    await pause()
    return x / 2

async def main():
    squares = [x * x async for x in numbers(4)]
    odd = {x async for x in numbers(6) if x % 2}
    halves = {x: await half(x) for x in range(3)}
    pairs = [(x, y) async for x in numbers(2) for y in "ab"]
    lazy = (x + 100 async for x in numbers(3))
    print(type(lazy).__name__)
    from_lazy = [v async for v in lazy]
    nested = [[await half(x) for x in range(y)] for y in range(3)]
    return squares, sorted(odd), halves, pairs, from_lazy, nested

c = main()
pauses = 0
try:
    while True:
        c.send(None)
        pauses += 1
except StopIteration as e:
    for part in e.value:
        print(part)
print("pauses", pauses)
