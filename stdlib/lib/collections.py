"""collections for Baton: deque, namedtuple, defaultdict, Counter, OrderedDict."""
import sys as _sys


# deque is C (vm/deque.c): schedulers pop and append on it all the time.
from _collections import deque


class defaultdict(dict):
    """defaultdict(default_factory, ...): a dict that makes missing values."""

    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        super().__init__(*args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def copy(self):
        return defaultdict(self.default_factory, self)

    def __repr__(self):
        factory = self.default_factory
        shown = "None" if factory is None else repr(factory)
        return f"defaultdict({shown}, {dict(self)!r})"


class OrderedDict(dict):
    """A dict that can move keys to either end (dicts keep insertion order)."""

    def move_to_end(self, key, last=True):
        value = self.pop(key)
        if last:
            self[key] = value
        else:
            rest = list(self.items())
            self.clear()
            self[key] = value
            self.update(rest)

    def popitem(self, last=True):
        if not self:
            raise KeyError("dictionary is empty")
        key = next(reversed(list(self))) if last else next(iter(self))
        return key, self.pop(key)

    def copy(self):
        return OrderedDict(self)

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return list(self.items()) == list(other.items())
        return dict.__eq__(self, other)

    __hash__ = None

    def __repr__(self):
        if not self:
            return "OrderedDict()"
        return f"OrderedDict({list(self.items())!r})"


class Counter(dict):
    """Counter(iterable or mapping): counts of hashable items."""

    def __init__(self, iterable=None, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def update(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = self.get(elem, 0) + count
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, **kwds):
        if iterable is not None:
            pairs = iterable.items() if isinstance(iterable, dict) else ((e, 1) for e in iterable)
            for elem, count in pairs:
                self[elem] = self.get(elem, 0) - count
        if kwds:
            self.subtract(kwds)

    def most_common(self, n=None):
        ranked = sorted(self.items(), key=lambda kv: kv[1], reverse=True)
        return ranked if n is None else ranked[:n]

    def elements(self):
        for elem, count in self.items():
            for _ in range(count):
                yield elem

    def total(self):
        return sum(self.values())

    def copy(self):
        return Counter(self)

    def __repr__(self):
        if not self:
            return "Counter()"
        inner = ", ".join(f"{k!r}: {v!r}" for k, v in self.most_common())
        return "Counter({" + inner + "})"

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            total = count + other[elem]
            if total > 0:
                result[elem] = total
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            left = count - other[elem]
            if left > 0:
                result[elem] = left
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem in list(self) + [e for e in other if e not in self]:
            best = max(self[elem], other[elem])
            if best > 0:
                result[elem] = best
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            least = min(count, other[elem])
            if least > 0:
                result[elem] = least
        return result


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """A class whose instances are records with named, read-only fields."""
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    fields = tuple(str(name) for name in field_names)
    for name in (typename,) + fields:
        if not name.isidentifier():
            raise ValueError(f"Type names and field names must be valid identifiers: {name!r}")
    seen = set()
    for name in fields:
        if name.startswith("_"):
            raise ValueError(f"Field names cannot start with an underscore: {name!r}")
        if name in seen:
            raise ValueError(f"Encountered duplicate field name: {name!r}")
        seen.add(name)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(fields):
            raise TypeError("Got more default values than field names")
        field_defaults = dict(zip(fields[len(fields) - len(defaults):], defaults))

    def __new__(_cls, *args, **kwargs):
        if len(args) > len(fields):
            raise TypeError(f"{typename}.__new__() takes {len(fields) + 1} positional "
                            f"arguments but {len(args) + 1} were given")
        values = list(args)
        for name in fields[len(args):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif name in field_defaults:
                values.append(field_defaults[name])
            else:
                missing = [n for n in fields[len(values):] if n not in kwargs
                           and n not in field_defaults]
                shown = " and ".join(repr(n) for n in missing)
                raise TypeError(f"{typename}.__new__() missing {len(missing)} required "
                                f"positional argument{'s' if len(missing) > 1 else ''}: {shown}")
        if kwargs:
            raise TypeError(f"{typename}.__new__() got an unexpected keyword argument "
                            f"{next(iter(kwargs))!r}")
        return tuple.__new__(_cls, values)

    # CPython's named tuples have no instance dict (__slots__ = ()).
    def __setattr__(self, name, value):
        if name in fields:
            raise AttributeError("can't set attribute")
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def __delattr__(self, name):
        if name in fields:
            raise AttributeError("can't delete attribute")
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def __repr__(self):
        inner = ", ".join(f"{n}={v!r}" for n, v in zip(fields, self))
        return f"{type(self).__name__}({inner})"

    def _asdict(self):
        return dict(zip(fields, self))

    def _replace(self, **changes):
        current = self._asdict()
        for name in changes:
            if name not in current:
                raise ValueError(f"Got unexpected field names: {list(changes)!r}")
        current.update(changes)
        return type(self)(**current)

    def _make(cls, iterable):
        return tuple.__new__(cls, iterable)

    def __getnewargs__(self):
        return tuple(self)

    namespace = {
        "__new__": __new__, "__setattr__": __setattr__, "__delattr__": __delattr__,
        "__repr__": __repr__, "__getnewargs__": __getnewargs__,
        "_asdict": _asdict, "_replace": _replace, "_make": classmethod(_make),
        "_fields": fields, "_field_defaults": field_defaults, "__match_args__": fields,
        "__doc__": f"{typename}({', '.join(fields)})",
    }
    for index, name in enumerate(fields):
        namespace[name] = property(lambda self, i=index: tuple.__getitem__(self, i),
                                   doc=f"Alias for field number {index}")
    cls = type(typename, (tuple,), namespace)
    if module is None:
        try:
            module = _sys._getframe(1).f_globals.get("__name__", "__main__")
        except (AttributeError, ValueError):
            module = "__main__"
    cls.__module__ = module
    return cls
