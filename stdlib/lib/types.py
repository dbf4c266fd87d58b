"""types for Baton: names for the built-in types, and SimpleNamespace."""


def _f():
    pass


def _g():
    yield 1


async def _c():
    pass


async def _ag():
    yield


class _C:
    def _m(self):
        pass


FunctionType = LambdaType = type(_f)
GeneratorType = type(_g())
_c = _c()
CoroutineType = type(_c)
_c.close()
AsyncGeneratorType = type(_ag())
MethodType = type(_C()._m)
BuiltinFunctionType = BuiltinMethodType = type(len)
ModuleType = type(__import__("sys"))
CodeType = type(_f.__code__)
NoneType = type(None)
NotImplementedType = type(NotImplemented)
EllipsisType = type(...)


class SimpleNamespace:
    """SimpleNamespace(**kwargs): attribute access to keyword arguments."""

    def __init__(self, mapping_or_iterable=(), /, **kwargs):
        self.__dict__.update(dict(mapping_or_iterable))
        self.__dict__.update(kwargs)

    def __repr__(self):
        inner = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"namespace({inner})"

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None


def coroutine(func):
    """Convert regular generator function to a coroutine."""
    if not callable(func):
        raise TypeError('types.coroutine() expects a callable')
    if func.__class__ is FunctionType and func.__code__.__class__ is CodeType:
        co_flags = func.__code__.co_flags
        if co_flags & 0x180:  # already a coroutine function (or marked)
            return func
        if co_flags & 0x20:  # a generator function: its generators become awaitable
            import _inspect
            _inspect._iterable_coroutine(func.__code__)
            return func

    import functools

    @functools.wraps(func)
    def wrapped(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapped


del _f, _g, _c, _ag, _C
