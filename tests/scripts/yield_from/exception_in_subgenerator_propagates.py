def sub():
    yield 1
    raise LookupError("sub failed")
def top():
    try:
        yield from sub()
    except LookupError as e:
        print("top caught", e)
    yield "top continues"
print(list(top()))
