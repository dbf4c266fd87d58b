def gen():
    yield 1
    yield 2
    return "ignored by for"
result = [x for x in gen()]
print(result)
g = gen()
values = []
while True:
    try:
        values.append(next(g))
    except StopIteration as stop:
        print(values, stop.value)
        break
