# itertools: every building block, finite slices of the infinite ones.
from itertools import *
import itertools
print(list(islice(count(5), 3)), repr(count(2, 3)), list(repeat("x", 3)), repr(repeat(1, 2)))
print(list(islice(cycle("ab"), 5)), list(islice(range(10), 2, 8, 3)), list(islice("abc", None)))
print(list(chain("ab", [1, 2])), list(chain.from_iterable(["xy", "z"])))
a, b = tee(iter([1, 2, 3])); print(next(a), list(b), list(a))
print(list(zip_longest("ab", "xyz", fillvalue="-")))
print(list(product("ab", range(2))), len(list(product(range(3), repeat=2))))
print(list(permutations("abc", 2)), list(combinations(range(4), 3)))
print(list(combinations_with_replacement("ab", 2)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], lambda a, b: a * b, initial=10)))
print([(k, list(g)) for k, g in groupby("aabbbc")], [k for k, g in groupby([1, 1, 2, 3, 3])])
print(list(takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(starmap(pow, [(2, 3), (3, 2)])), list(pairwise("abcd")), list(compress("abc", [1, 0, 1])))
print(list(filterfalse(None, [0, 1, 0, 2])))
try: islice([], -1)
except ValueError as e: print(e)
