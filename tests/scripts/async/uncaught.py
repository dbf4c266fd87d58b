# An exception escaping nested awaits prints a traceback through every coroutine.
async def leaf(n):
    return 10 // n

async def middle(n):
    return await leaf(n) + 1

async def top():
    print(await middle(5))
    print(await middle(0))

top().send(None)
