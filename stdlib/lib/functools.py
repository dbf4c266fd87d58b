"""functools for Baton: higher-order functions, written in Baton's Python."""

WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__")
WRAPPER_UPDATES = ("__dict__",)


# partial is C (stdlib/mod_functools.c): it sits on hot call paths.
from _functools import partial


_no_initial = object()


def reduce(function, iterable, initial=_no_initial):
    it = iter(iterable)
    if initial is _no_initial:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    def decorating(wrapper):
        return update_wrapper(wrapper, wrapped, assigned, updated)
    return decorating


class _CacheInfo:
    def __init__(self, hits, misses, maxsize, currsize):
        self.hits, self.misses, self.maxsize, self.currsize = hits, misses, maxsize, currsize

    def __iter__(self):
        return iter((self.hits, self.misses, self.maxsize, self.currsize))

    def __eq__(self, other):
        return tuple(self) == tuple(other)

    def __repr__(self):
        return (f"CacheInfo(hits={self.hits}, misses={self.misses}, "
                f"maxsize={self.maxsize}, currsize={self.currsize})")


def _make_key(args, kwds):
    key = args
    if kwds:
        key += (_make_key,)
        for item in kwds.items():
            key += item
    return key


def lru_cache(maxsize=128, typed=False):
    """Memoize a function, keeping the maxsize most recent results (None: all)."""
    if callable(maxsize) and not isinstance(maxsize, int):
        return lru_cache(128, typed)(maxsize)
    if maxsize is not None and maxsize < 0:
        maxsize = 0

    def decorating(user_function):
        cache = {}
        stats = [0, 0]  # hits, misses

        def wrapper(*args, **kwds):
            key = _make_key(args, kwds)
            if key in cache:
                stats[0] += 1
                result = cache.pop(key)
                cache[key] = result  # now the most recently used
                return result
            stats[1] += 1
            result = user_function(*args, **kwds)
            if maxsize != 0:
                cache[key] = result
                if maxsize is not None and len(cache) > maxsize:
                    del cache[next(iter(cache))]
            return result

        def cache_info():
            return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

        def cache_clear():
            cache.clear()
            stats[0] = stats[1] = 0

        wrapper.cache_info = cache_info
        wrapper.cache_clear = cache_clear
        return update_wrapper(wrapper, user_function)

    return decorating


def cache(user_function):
    return lru_cache(maxsize=None)(user_function)


def total_ordering(cls):
    """Fill in the missing rich comparisons from __eq__ and one of < <= > >=."""
    def from_lt(kind):
        return {
            "__gt__": lambda self, other: _flip(self.__lt__(other), other, self, True),
            "__le__": lambda self, other: _or_eq(self.__lt__(other), self, other),
            "__ge__": lambda self, other: _not(self.__lt__(other)),
        }[kind]

    def from_gt(kind):
        return {
            "__lt__": lambda self, other: _flip(self.__gt__(other), other, self, True),
            "__ge__": lambda self, other: _or_eq(self.__gt__(other), self, other),
            "__le__": lambda self, other: _not(self.__gt__(other)),
        }[kind]

    def from_le(kind):
        return {
            "__ge__": lambda self, other: _ge_from_le(self, other),
            "__lt__": lambda self, other: _and_ne(self.__le__(other), self, other),
            "__gt__": lambda self, other: _not(self.__le__(other)),
        }[kind]

    def from_ge(kind):
        return {
            "__le__": lambda self, other: _le_from_ge(self, other),
            "__gt__": lambda self, other: _and_ne(self.__ge__(other), self, other),
            "__lt__": lambda self, other: _not(self.__ge__(other)),
        }[kind]

    makers = {"__lt__": from_lt, "__le__": from_le, "__gt__": from_gt, "__ge__": from_ge}
    defined = [op for op in ("__lt__", "__le__", "__gt__", "__ge__")
               if getattr(cls, op, None) is not getattr(object, op, None)]
    if not defined:
        raise ValueError("must define at least one ordering operation: < > <= >=")
    root = defined[0]
    for op in ("__lt__", "__le__", "__gt__", "__ge__"):
        if op not in defined:
            method = makers[root](op)
            method.__name__ = op
            setattr(cls, op, method)
    return cls


def _not(result):
    return result if result is NotImplemented else not result


def _flip(result, a, b, strict):
    if result is NotImplemented:
        return result
    return not result and a != b


def _or_eq(result, a, b):
    if result is NotImplemented:
        return result
    return result or a == b


def _and_ne(result, a, b):
    if result is NotImplemented:
        return result
    return result and a != b


def _ge_from_le(a, b):
    result = a.__le__(b)
    if result is NotImplemented:
        return result
    return not result or a == b


def _le_from_ge(a, b):
    result = a.__ge__(b)
    if result is NotImplemented:
        return result
    return not result or a == b


class KeyWrapper:
    """What cmp_to_key gives, as CPython's C type: called with an object, it makes
    another KeyWrapper holding it, whose comparisons call the cmp function."""

    def __init__(self, cmp, obj=None):
        object.__setattr__(self, "_cmp", cmp)
        object.__setattr__(self, "obj", obj)

    def __call__(self, *args, **kwargs):
        if "obj" in kwargs:
            args += (kwargs.pop("obj"),)
        if kwargs:
            raise TypeError(f"K() got an unexpected keyword argument {next(iter(kwargs))!r}")
        if not args:
            raise TypeError("K() missing required argument 'obj' (pos 1)")
        if len(args) > 1:
            raise TypeError(f"K() takes at most 1 argument ({len(args)} given)")
        return KeyWrapper(self._cmp, args[0])

    def __setattr__(self, name, value):
        if name != "obj":
            raise AttributeError(f"'functools.KeyWrapper' object has no attribute {name!r}")
        object.__setattr__(self, name, value)

    def _compare(self, other):
        if type(other) is not KeyWrapper:
            raise TypeError("other argument must be K instance")
        return self._cmp(self.obj, other.obj)

    def __lt__(self, other):
        return self._compare(other) < 0

    def __gt__(self, other):
        return self._compare(other) > 0

    def __eq__(self, other):
        return self._compare(other) == 0

    def __ne__(self, other):
        return self._compare(other) != 0

    def __le__(self, other):
        return self._compare(other) <= 0

    def __ge__(self, other):
        return self._compare(other) >= 0

    def __hash__(self):
        raise TypeError("unhashable type: 'functools.KeyWrapper'")


def cmp_to_key(mycmp):
    """A key function for sorted() and friends that orders by mycmp(a, b) < 0."""
    return KeyWrapper(mycmp)
