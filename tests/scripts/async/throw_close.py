# throw() and close() reach the innermost awaited frame first, as for yield from.
import types

@types.coroutine
def wait():
    try:
        return (yield "waiting")
    except ValueError as e:
        print("  inner caught", e)
        return "recovered"
    finally:
        print("  inner finally")

async def outer():
    try:
        r = await wait()
        print("  outer got", r)
        await wait()
    finally:
        print("  outer finally")
    return "end"

c = outer()
print(c.send(None))
print(c.throw(ValueError("boom")))
print("cr_await is set:", c.cr_await is not None)
c.close()
print("closed, frame", c.cr_frame)

d = outer()
d.send(None)
try:
    d.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))

async def stubborn():
    try:
        await wait()
    except GeneratorExit:
        await wait()

s = stubborn()
s.send(None)
try:
    s.close()
except RuntimeError as e:
    print(e)
s.close()
