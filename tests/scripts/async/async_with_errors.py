# What async with says about objects that are not asynchronous context managers.
class Plain:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        pass

class EnterOnly:
    async def __aenter__(self):
        return 1

class SyncMethods:
    def __aenter__(self):
        return 1
    def __aexit__(self, *a):
        return None

class BadExit:
    async def __aenter__(self):
        return 1
    def __aexit__(self, *a):
        return 2

async def use(m):
    async with m:
        print("  body")

for m in [Plain(), EnterOnly(), SyncMethods(), BadExit()]:
    c = use(m)
    try:
        c.send(None)
    except TypeError as e:
        print(type(m).__name__, "->", e)
    c.close()
