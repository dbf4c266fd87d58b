# Where await, async for and async with may stand.
cases = [
    "await x",
    "def f():\n    await x",
    "async def f():\n    g = lambda: await x",
    "async for x in y:\n    pass",
    "def f():\n    async with y:\n        pass",
    "async def f():\n    yield from g()",
    "def f():\n    return [x async for x in y]",
    "async def f():\n    await x = 1",
    "class C:\n    await x",
    "async def f():\n    return await x ** 2",
    "async def f():\n    yield 1\n    return 2",
    "async def f():\n    yield 1\n    return",
    "async def f():\n    return [await y async for y in x]",
    "(await x for x in y)",
    "[await x for x in y]",
]
for src in cases:
    try:
        compile(src, "<case>", "exec")
        print("ok")
    except SyntaxError as e:
        print(e.msg, e.lineno, e.offset)
