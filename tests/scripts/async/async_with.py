# async with awaits __aenter__ and __aexit__; __aexit__ returning True swallows.
import types

@types.coroutine
def step(label):
    yield label

class Manager:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    async def __aenter__(self):
        await step("enter " + self.name)
        return self.name.upper()
    async def __aexit__(self, typ, exc, tb):
        await step("exit " + self.name)
        print("  exit", self.name, typ.__name__ if typ else None, exc)
        return self.swallow

async def main():
    async with Manager("a") as x, Manager("b") as y:
        print("  body", x, y)
    async with Manager("quiet", swallow=True):
        raise ValueError("hidden")
    print("  after the swallowed error")
    try:
        async with Manager("loud"):
            raise KeyError("shown")
    except KeyError as e:
        print("  caught", repr(e))
    for i in range(3):
        async with Manager(f"loop{i}"):
            if i == 0:
                continue
            if i == 1:
                break
    async with Manager("ret"):
        return "returned"

c = main()
try:
    while True:
        print("yielded:", c.send(None))
except StopIteration as e:
    print(e.value)
