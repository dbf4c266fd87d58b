# A generator's __name__ and __qualname__ are its function's at the time it was made
# (functools.wraps included), settable to strings only.
import functools
def g():
    yield 1
x = g()
print(x.__name__, x.__qualname__)
g.__name__ = 'h'
print(x.__name__, g().__name__, g().__qualname__)
def deco(f):
    @functools.wraps(f)
    def wrapper(*a):
        yield from f(*a)
    return wrapper
@deco
def counter(n):
    yield from range(n)
c = counter(2)
print(c.__name__, c.__qualname__, list(c))
x.__name__ = 'renamed'
print(x.__name__, x.__qualname__)
x.__qualname__ = 'Q.renamed'
print(x.__name__, x.__qualname__, repr(x).split(' at ')[0])
try:
    x.__name__ = 5
except TypeError as e:
    print(e)
class C:
    def m(self):
        yield self
print(C().m().__qualname__)
