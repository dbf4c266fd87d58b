def sub():
    yield 1
    raise StopIteration("leak")
def top():
    try:
        yield from sub()
    except RuntimeError as e:
        print("top sees", type(e).__name__, e)
    yield "ok"
print(list(top()))
