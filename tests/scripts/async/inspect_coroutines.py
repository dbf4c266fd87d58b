# inspect and types know coroutines.
import inspect
import types

async def coro():
    await types.coroutine(lambda: (yield))()

def gen():
    yield

@types.coroutine
def marked():
    yield

print(inspect.iscoroutinefunction(coro), inspect.iscoroutinefunction(gen))
print(inspect.isgeneratorfunction(coro), inspect.isgeneratorfunction(gen))
c = coro()
print(inspect.iscoroutine(c), inspect.isgenerator(c), isinstance(c, types.CoroutineType))
print(inspect.isawaitable(c), inspect.isawaitable(gen()), inspect.isawaitable(marked()))
print(inspect.getcoroutinestate(c))
c.send(None)
print(inspect.getcoroutinestate(c))
try:
    c.send(None)
except StopIteration:
    pass
print(inspect.getcoroutinestate(c))
try:
    inspect.getcoroutinestate(gen())
except AttributeError as e:
    print(e)
print(marked.__code__.co_flags & 0x100 != 0, gen.__code__.co_flags & 0x100)
print(types.coroutine(coro) is coro)
