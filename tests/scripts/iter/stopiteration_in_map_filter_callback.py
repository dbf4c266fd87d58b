# StopIteration raised by the function of map() or filter() (or a key inside
# a builtin that drives them) ends that iterator, as in CPython.
def upto3(x):
    if x == 3:
        raise StopIteration
    return x * 10


def odd_until5(x):
    if x == 5:
        raise StopIteration("done")
    return x % 2


print(list(map(upto3, range(6))))
print(list(filter(odd_until5, range(10))))
print(sum(map(upto3, range(100))), tuple(map(upto3, [1, 2, 3, 4])))
print([x for x in map(upto3, range(5))])
for v in map(upto3, range(5)):
    print("loop", v)
m = map(upto3, [3, 1])
try:
    next(m)
except StopIteration:
    print("next() raised StopIteration")
print(next(m), sorted(map(upto3, [2, 1, 3, 0])), dict(zip("ab", map(upto3, range(9)))))


def gen():
    yield from map(upto3, range(9))


print(list(gen()))
