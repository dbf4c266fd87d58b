# An error inside an async generator reaches the coroutine iterating it, with
# both frames in the traceback.
async def readings():
    for raw in ["12", "7", "x"]:
        yield int(raw)

async def average():
    total = count = 0
    async for value in readings():
        total += value
        count += 1
    return total / count

average().send(None)
