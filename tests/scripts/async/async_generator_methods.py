# asend, athrow and aclose, and the RuntimeErrors of async generators.
async def echo():
    try:
        received = None
        while True:
            received = yield f"echo {received}"
    except ValueError as e:
        yield f"caught {e}"
    finally:
        print("  echo finally")

def step(awaitable, value=None):
    try:
        awaitable.send(value)
    except StopIteration as e:
        return e.value
    except StopAsyncIteration:
        return "StopAsyncIteration"

g = echo()
print(step(g.__anext__()))
print(step(g.asend("hi")))
print(step(g.athrow(ValueError("bad"))))
print(step(g.aclose()))
print(step(g.__anext__()))
print(step(g.aclose()))

async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2

s = stubborn()
step(s.__anext__())
try:
    step(s.aclose())
except RuntimeError as e:
    print(e)

async def leaks():
    yield 1
    raise StopAsyncIteration

k = leaks()
step(k.__anext__())
try:
    step(k.__anext__())
except RuntimeError as e:
    print(e)

e = echo()
a = e.__anext__()
step(a)
try:
    a.send(None)
except RuntimeError as err:
    print(err)
print(step(e.aclose()))
try:
    echo().asend("early").send(None)
except TypeError as e:
    print(e)
try:
    for x in echo():
        pass
except TypeError as e:
    print(e)

async def runner():
    return await echo()

r = runner()
try:
    r.send(None)
except TypeError as e:
    print(e)
