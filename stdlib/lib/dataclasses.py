"""dataclasses for Baton: @dataclass writes __init__, __repr__, __eq__ and friends
from the annotations of a class body.

The methods are written as source text and compiled with exec(), so they are
ordinary functions: their signatures, defaults and error messages are those of
a hand-written __init__.
"""

__all__ = ["dataclass", "field", "Field", "fields", "asdict", "astuple", "replace",
           "is_dataclass", "FrozenInstanceError", "MISSING"]


class _MissingType:
    def __repr__(self):
        return "MISSING"


MISSING = _MissingType()


class FrozenInstanceError(AttributeError):
    pass


class Field:
    """One field of a dataclass: its name, type, default and options."""

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only

    def __repr__(self):
        return (f"Field(name={self.name!r},type={self.type!r},default={self.default!r},"
                f"default_factory={self.default_factory!r},init={self.init!r},"
                f"repr={self.repr!r},hash={self.hash!r},compare={self.compare!r},"
                f"metadata={self.metadata!r},kw_only={self.kw_only!r})")


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _collect_fields(cls):
    found = {}
    for base in reversed(cls.__mro__[1:]):
        for f in base.__dict__.get("__dataclass_fields__", {}).values():
            found[f.name] = f
    for name, typ in cls.__dict__.get("__annotations__", {}).items():
        value = cls.__dict__.get(name, MISSING)
        if isinstance(value, Field):
            f = value
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        else:
            f = field(default=value)
        f.name = name
        f.type = typ
        if isinstance(f.default, (list, dict, set)):
            raise ValueError(f"mutable default {type(f.default)} for field {name} is not "
                             "allowed: use default_factory")
        found[name] = f
    return found


def _compile(name, source, namespace, cls):
    exec(source, namespace)
    fn = namespace[name]
    fn.__qualname__ = f"{cls.__qualname__}.{name}"
    return fn


def _init(cls, fields, frozen):
    namespace = {"MISSING": MISSING, "object": object}
    params, lines = [], []
    seen_default = False
    for f in fields:
        if f.init:
            if f.default is not MISSING:
                namespace[f"_default_{f.name}"] = f.default
                params.append(f"{f.name}=_default_{f.name}")
                seen_default = True
            elif f.default_factory is not MISSING:
                params.append(f"{f.name}=MISSING")
                seen_default = True
            elif seen_default:
                raise TypeError(f"non-default argument '{f.name}' follows default argument")
            else:
                params.append(f.name)
        if f.default_factory is not MISSING:
            namespace[f"_factory_{f.name}"] = f.default_factory
            value = (f"_factory_{f.name}() if {f.name} is MISSING else {f.name}" if f.init
                     else f"_factory_{f.name}()")
        elif f.init:
            value = f.name
        elif f.default is not MISSING:
            namespace[f"_default_{f.name}"] = f.default
            value = f"_default_{f.name}"
        else:
            continue
        if frozen:
            lines.append(f"    object.__setattr__(self, {f.name!r}, {value})")
        else:
            lines.append(f"    self.{f.name} = {value}")
    if hasattr(cls, "__post_init__"):
        lines.append("    self.__post_init__()")
    source = f"def __init__(self{''.join(', ' + p for p in params)}):\n"
    source += "\n".join(lines or ["    pass"]) + "\n"
    return _compile("__init__", source, namespace, cls)


def _values(obj, fields):
    return tuple(getattr(obj, f.name) for f in fields)


def _process(cls, init, repr, eq, order, frozen, unsafe_hash):
    all_fields = _collect_fields(cls)
    cls.__dataclass_fields__ = all_fields
    fields_list = list(all_fields.values())
    own = cls.__dict__
    if init:
        cls.__init__ = _init(cls, fields_list, frozen)
    if repr and "__repr__" not in own:
        shown = [f for f in fields_list if f.repr]

        def __repr__(self):
            inner = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in shown)
            return f"{type(self).__qualname__}({inner})"

        __repr__.__qualname__ = f"{cls.__qualname__}.__repr__"
        cls.__repr__ = __repr__
    compared = [f for f in fields_list if f.compare]
    if eq and "__eq__" not in own:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return _values(self, compared) == _values(other, compared)
            return NotImplemented

        cls.__eq__ = __eq__
    if order:
        def make(name, test):
            def compare(self, other):
                if other.__class__ is self.__class__:
                    return test(_values(self, compared), _values(other, compared))
                return NotImplemented

            compare.__name__ = name
            return compare

        for name, test in (("__lt__", lambda a, b: a < b), ("__le__", lambda a, b: a <= b),
                           ("__gt__", lambda a, b: a > b), ("__ge__", lambda a, b: a >= b)):
            if name in own:
                raise TypeError(f"Cannot overwrite attribute {name} in class {cls.__name__}. "
                                "Consider using functools.total_ordering")
            setattr(cls, name, make(name, test))
    if frozen:
        def __setattr__(self, name, value):
            if type(self) is cls or name in all_fields:
                raise FrozenInstanceError(f"cannot assign to field {name!r}")
            object.__setattr__(self, name, value)

        def __delattr__(self, name):
            if type(self) is cls or name in all_fields:
                raise FrozenInstanceError(f"cannot delete field {name!r}")
            object.__delattr__(self, name)

        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__
    hashed = [f for f in fields_list if (f.compare if f.hash is None else f.hash)]
    if unsafe_hash or (eq and frozen):
        cls.__hash__ = lambda self: hash(_values(self, hashed))
    elif eq and "__hash__" not in own:
        cls.__hash__ = None
    cls.__match_args__ = tuple(f.name for f in fields_list if f.init)
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False):
    if order and not eq:
        raise ValueError("eq must be true if order is true")

    def wrap(cls):
        return _process(cls, init, repr, eq, order, frozen, unsafe_hash)

    return wrap if cls is None else wrap(cls)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, "__dataclass_fields__")


def fields(class_or_instance):
    try:
        found = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None
    return tuple(found.values())


def _convert(obj, as_dict, factory):
    if is_dataclass(obj) and not isinstance(obj, type):
        if as_dict:
            return factory((f.name, _convert(getattr(obj, f.name), as_dict, factory))
                           for f in fields(obj))
        return factory(_convert(getattr(obj, f.name), as_dict, factory) for f in fields(obj))
    if isinstance(obj, (list, tuple)):
        return type(obj)(_convert(x, as_dict, factory) for x in obj)
    if isinstance(obj, dict):
        return type(obj)((_convert(k, as_dict, factory), _convert(v, as_dict, factory))
                         for k, v in obj.items())
    return obj


def asdict(obj, *, dict_factory=dict):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("asdict() should be called on dataclass instances")
    return _convert(obj, True, dict_factory)


def astuple(obj, *, tuple_factory=tuple):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("astuple() should be called on dataclass instances")
    return _convert(obj, False, tuple_factory)


def replace(obj, /, **changes):
    for f in fields(obj):
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
