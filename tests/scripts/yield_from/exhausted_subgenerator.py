def sub():
    yield 1
    return "ret"
s = sub()
print(list(s))
def top():
    r = yield from s
    yield "value from exhausted generator: %r" % (r,)
print(list(top()))
