def numbers():
    yield 1
def pairs():
    it = numbers()
    while True:
        a = next(it)
        yield a, a
for p in pairs():
    print(p)
