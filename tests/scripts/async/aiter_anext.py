# The builtins aiter() and anext(), with and without a default.
import types

@types.coroutine
def pause():
    yield "pause"

async def letters():
    for ch in "ab":
        await pause()
        yield ch

class Empty:
    def __aiter__(self):
        return self
    async def __anext__(self):
        await pause()
        raise StopAsyncIteration

async def main():
    it = aiter(letters())
    print(await anext(it), await anext(it, "-"), await anext(it, "-"))
    try:
        await anext(it)
    except StopAsyncIteration:
        print("exhausted")
    print(await anext(Empty(), "default"))
    w = anext(letters(), None)
    print(type(w).__name__, w.__await__() is w)
    print(await w)

c = main()
try:
    while True:
        c.send(None)
except StopIteration:
    pass

for bad in [lambda: aiter(1), lambda: anext(1), lambda: anext(), lambda: aiter()]:
    try:
        bad()
    except TypeError as e:
        print(e)

class Odd:
    def __aiter__(self):
        return 1

try:
    aiter(Odd())
except TypeError as e:
    print(e)
