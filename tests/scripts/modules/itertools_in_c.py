# count, repeat, islice and chain (C): steps, reprs, consumption and errors.
from itertools import chain, count, islice, repeat

c = count(0.5, 0.25)
print(next(c), next(c), c, count(3), count(1, 1.0), count(-2, -3))
print(list(repeat("ab", 2)), repeat(None, -1), list(repeat(7, 0)), repeat([1]))
r = repeat(1, 3)
print(next(r), r, list(r), r)
src = iter(range(10))
print(list(islice(src, 5, 2)), next(src))
src = iter(range(10))
print(list(islice(src, 2, 6, 3)), next(src), list(islice(range(5), None)), list(islice("abc", 1, None)))
print(list(islice(count(), 0, 20, 7)), list(islice([], 3)))
print(list(chain()), list(chain("ab", [], (1, 2))), list(chain.from_iterable(map(range, range(4)))))
ch = chain([1], [2])
print(next(ch), list(ch), list(ch))
for bad in (lambda: count("a"), lambda: islice([], -1), lambda: islice([], 1, 2, 0),
            lambda: islice([]), lambda: list(chain([1], 5)), lambda: repeat(),
            lambda: islice([], "x")):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


class Evens(count):
    def __next__(self):
        return super().__next__() * 2


print(list(islice(Evens(1), 3)), isinstance(Evens(), count))
