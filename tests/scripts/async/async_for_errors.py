# async for's TypeErrors, and an exception from __anext__ that is not the end.
class NoAnext:
    def __aiter__(self):
        return 5

class SyncAnext:
    def __aiter__(self):
        return self
    def __anext__(self):
        return 5

class Fails:
    def __aiter__(self):
        return self
    async def __anext__(self):
        raise KeyError("inside __anext__")

async def loop(it):
    async for x in it:
        print("  x", x)

for obj in [[1, 2], NoAnext(), SyncAnext(), Fails()]:
    c = loop(obj)
    try:
        c.send(None)
    except Exception as e:
        print(type(obj).__name__, "->", type(e).__name__, e)
        if e.__cause__ is not None:
            print("   cause:", e.__cause__)
    c.close()
