"""typing for Baton: the names annotations use, subscriptable, with CPython's reprs.

Baton evaluates annotations and ignores them, as CPython does at run time, so
these objects only need to exist, to subscript (List[int], Callable[[Any], T])
and to print as CPython prints them. Nothing here checks types.
"""

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return f"{obj.__module__}.{obj.__qualname__}"
    if obj is ...:
        return "..."
    if isinstance(obj, list):
        return "[" + ", ".join(_type_repr(a) for a in obj) + "]"
    return repr(obj)


class _Alias:
    """A subscripted name: typing.List[int], typing.Dict[str, float]."""

    def __init__(self, name, args):
        self._name = name
        self.__args__ = args

    def __repr__(self):
        return f"typing.{self._name}[{', '.join(_type_repr(a) for a in self.__args__)}]"

    def __eq__(self, other):
        return (isinstance(other, _Alias) and self._name == other._name
                and self.__args__ == other.__args__)

    def __hash__(self):
        return hash((self._name, self.__args__))

    def __getitem__(self, params):
        return self


class _Special:
    """A name such as typing.List or typing.Any; subscripting makes an _Alias."""

    def __init__(self, name):
        self._name = name

    def __repr__(self):
        return f"typing.{self._name}"

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(type(None) if p is None else p for p in params)
        if self._name == "Union":
            unique = []
            for p in params:
                if p not in unique:
                    unique.append(p)
            if len(unique) == 1:
                return unique[0]
            if len(unique) == 2 and type(None) in unique:
                other = unique[0] if unique[1] is type(None) else unique[1]
                return _Alias("Optional", (other,))
            return _Alias("Union", tuple(unique))
        if self._name == "Optional":
            return _Alias("Optional", params)
        return _Alias(self._name, params)

    def __call__(self, *args, **kwargs):
        raise TypeError(f"Cannot instantiate typing.{self._name}")


for _name in ("Any", "Union", "Optional", "List", "Dict", "Tuple", "Set", "FrozenSet",
              "Type", "Callable", "Iterator", "Iterable", "Generator", "Sequence",
              "MutableSequence", "Mapping", "MutableMapping", "Deque", "DefaultDict",
              "Counter", "OrderedDict", "Self", "NoReturn", "Never", "ClassVar", "Final",
              "Literal", "Awaitable", "Coroutine", "AsyncIterator", "AsyncGenerator",
              "Collection", "Container", "Hashable", "Sized", "Reversible", "ContextManager",
              "Annotated", "TypeAlias", "LiteralString", "Required", "NotRequired"):
    globals()[_name] = _Special(_name)
del _name

Text = str
AnyStr = None  # replaced by a TypeVar below


class TypeVar:
    """T = TypeVar("T"): a placeholder that prints as ~T."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        sign = "+" if self.__covariant__ else "-" if self.__contravariant__ else "~"
        return sign + self.__name__


AnyStr = TypeVar("AnyStr", bytes, str)


class Generic:
    """class Stack(Generic[T]): subscripting Generic gives Generic back as a base."""

    def __class_getitem__(cls, params):
        return cls


class Protocol(Generic):
    pass


def cast(typ, value):
    return value


def overload(func):
    return func


def final(f):
    return f


def no_type_check(f):
    return f


def runtime_checkable(cls):
    return cls


def get_type_hints(obj):
    return dict(getattr(obj, "__annotations__", {}))


def NewType(name, tp):
    def new_type(x):
        return x

    new_type.__name__ = name
    new_type.__supertype__ = tp
    return new_type
