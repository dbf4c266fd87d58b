def collect(limit):
    items = []
    while len(items) < limit:
        item = yield len(items)
        items.append(item)
    return items
c = collect(3)
print(next(c))
print(c.send("a"))
print(c.send("b"))
try:
    c.send("c")
except StopIteration as e:
    print("result:", e.value)
