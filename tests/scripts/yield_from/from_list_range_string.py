def gen():
    yield from [1, 2]
    yield from range(3, 5)
    yield from "ab"
    yield from (x * 10 for x in range(2))
    yield from {"k1": 0, "k2": 0}
print(list(gen()))
