# inspect and types know async generators.
import inspect
import types

async def agen():
    yield 1

async def coro():
    pass

def gen():
    yield 1

print(inspect.isasyncgenfunction(agen), inspect.isasyncgenfunction(coro))
print(inspect.iscoroutinefunction(agen), inspect.isgeneratorfunction(agen))
g = agen()
print(inspect.isasyncgen(g), inspect.isasyncgen(gen()), isinstance(g, types.AsyncGeneratorType))
print(agen.__code__.co_flags & 0x200 != 0, coro.__code__.co_flags & 0x200)
print(g.__aiter__() is g)
