"""collections for Baton: deque, namedtuple, defaultdict, Counter, OrderedDict, ChainMap."""
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


def _is_mapping(obj):
    return isinstance(obj, (dict, ChainMap)) or (hasattr(obj, "keys") and
                                                  hasattr(obj, "__getitem__"))


class _MappingView:
    """What a ChainMap's keys(), values() and items() give: live views of it."""

    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return f"{type(self).__name__}({self._mapping!r})"


class KeysView(_MappingView):
    def __iter__(self):
        return iter(self._mapping)

    def __contains__(self, key):
        return key in self._mapping

    def __eq__(self, other):
        if not isinstance(other, (set, frozenset, KeysView, ItemsView, type({}.keys()))):
            return NotImplemented
        return set(self) == set(other)


class ValuesView(_MappingView):
    def __iter__(self):
        for key in self._mapping:
            yield self._mapping[key]

    def __contains__(self, value):
        return any(v is value or v == value for v in self)


class ItemsView(_MappingView):
    def __iter__(self):
        for key in self._mapping:
            yield (key, self._mapping[key])

    def __contains__(self, item):
        key, value = item
        if key not in self._mapping:
            return False
        found = self._mapping[key]
        return found is value or found == value

    __eq__ = KeysView.__eq__


_repr_running = set()


class ChainMap:
    """ChainMap(*maps): one view of several mappings, searched in order. Writes,
    deletions and pops act on maps[0] only."""

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                return mapping[key]
            except KeyError:
                pass
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        # The last mapping's keys come first, each key once (as CPython).
        seen = {}
        for mapping in reversed(self.maps):
            for key in mapping:
                seen[key] = None
        return iter(seen)

    def __contains__(self, key):
        return any(key in mapping for mapping in self.maps)

    def __bool__(self):
        return any(self.maps)

    def __repr__(self):
        marker = id(self)
        if marker in _repr_running:
            return "..."
        _repr_running.add(marker)
        try:
            return f"{type(self).__name__}({', '.join(map(repr, self.maps))})"
        finally:
            _repr_running.discard(marker)

    @classmethod
    def fromkeys(cls, iterable, value=None):
        return cls(dict.fromkeys(iterable, value))

    def copy(self):
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f"Key not found in the first mapping: {key!r}")

    def popitem(self):
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError("No keys found in the first mapping.")

    def pop(self, key, *default):
        try:
            return self.maps[0].pop(key, *default)
        except KeyError:
            raise KeyError(f"Key not found in the first mapping: {key!r}")

    def clear(self):
        self.maps[0].clear()

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def update(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError(f"update expected at most 1 argument, got {len(args)}")
        if args:
            other = args[0]
            if hasattr(other, "keys"):
                for key in other.keys():
                    self[key] = other[key]
            else:
                for key, value in other:
                    self[key] = value
        for key, value in kwargs.items():
            self[key] = value

    def keys(self):
        return KeysView(self)

    def values(self):
        return ValuesView(self)

    def items(self):
        return ItemsView(self)

    def __eq__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    __hash__ = None

    def __or__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        merged = self.copy()
        merged.maps[0].update(other)
        return merged

    def __ror__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        merged = dict(other)
        for mapping in reversed(self.maps):
            merged.update(mapping)
        return self.__class__(merged)

    def __ior__(self, other):
        self.maps[0].update(other)
        return self
