# functools: partial, reduce, wraps, lru_cache, cache, total_ordering, cmp_to_key.
import functools
from functools import partial, reduce, wraps, lru_cache, cache, total_ordering, cmp_to_key
p = partial(pow, 2); print(p(10), partial(p, 3)(), repr(partial(max, 1, key=abs))[:30])
print(reduce(lambda a, b: a * b, range(1, 6)), reduce(lambda a, b: a + b, [], 7))
try: reduce(max, [])
except TypeError as e: print(e)
def deco(f):
    @wraps(f)
    def inner(*a): return f(*a)
    return inner
@deco
def hello(x):
    "doc"
    return x
print(hello.__name__, hello.__doc__, hello.__wrapped__ is not None, hello(3))
@lru_cache(maxsize=2)
def sq(n): print("compute", n); return n * n
print(sq(2), sq(2), sq(3), sq(4), sq(2)); print(sq.cache_info())
@cache
def fib(n): return n if n < 2 else fib(n-1) + fib(n-2)
print(fib(12), fib.cache_info().misses)
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2), V(2) >= V(2))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
@lru_cache
def plain(x): return x
print(plain(1), plain.cache_info())
