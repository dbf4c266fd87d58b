# A call of an async def makes a coroutine object; nothing runs until it is sent None.
async def add(a, b):
    print("adding", a, b)
    return a + b

c = add(2, 3)
print(type(c).__name__, c.__name__, c.__qualname__)
print(repr(c).startswith("<coroutine object add at 0x"))
print("running:", c.cr_running, "suspended:", c.cr_suspended, "awaiting:", c.cr_await)
print(c.cr_code is add.__code__, c.cr_frame.f_code.co_name)
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value)
print("frame after:", c.cr_frame)
c.close()
print(add.__code__.co_flags & 0x80 != 0, add.__code__.co_flags & 0x20)


class Box:
    async def get(self):
        return 42

m = Box().get()
print(m.__qualname__)
try:
    m.send(None)
except StopIteration as e:
    print(e.value)
