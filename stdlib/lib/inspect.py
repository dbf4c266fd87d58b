"""inspect: predicates and generator states (C, in _inspect), signatures (here).

The predicates and getgeneratorstate are C (stdlib/mod_inspect.c) because they
look at the VM's own types. Signature and Parameter are Python written for
Baton: they read a function's __code__ (argument counts and flags),
__defaults__ and __kwdefaults__, the way CPython's do, and follow bound
methods, classes (their __new__ or __init__), instances with __call__,
functools.partial and @functools.wraps wrappers (__wrapped__).
"""
from _inspect import *

_CO_VARARGS = 0x04
_CO_VARKEYWORDS = 0x08


class _empty:
    """The marker for 'no default' and 'no annotation' (Parameter.empty)."""


class _void:
    """The marker for 'keep it' in replace(), so that None can be passed."""


class _ParameterKind(int):
    # CPython's is an IntEnum; an int with a name prints and compares the same way.
    def __new__(cls, value, name, description):
        self = int.__new__(cls, value)
        self._name_ = name
        self.description = description
        return self

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return int(self)

    def __str__(self):
        return self._name_

    def __repr__(self):
        return '<_ParameterKind.%s: %d>' % (self._name_, self)


_POSITIONAL_ONLY = _ParameterKind(0, 'POSITIONAL_ONLY', 'positional-only')
_POSITIONAL_OR_KEYWORD = _ParameterKind(1, 'POSITIONAL_OR_KEYWORD', 'positional or keyword')
_VAR_POSITIONAL = _ParameterKind(2, 'VAR_POSITIONAL', 'variadic positional')
_KEYWORD_ONLY = _ParameterKind(3, 'KEYWORD_ONLY', 'keyword-only')
_VAR_KEYWORD = _ParameterKind(4, 'VAR_KEYWORD', 'variadic keyword')
_KINDS = (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD, _VAR_POSITIONAL, _KEYWORD_ONLY, _VAR_KEYWORD)


def formatannotation(annotation, base_module=None):
    if getattr(annotation, '__module__', None) == 'typing':
        return repr(annotation).replace('typing.', '')
    if isinstance(annotation, type) and not hasattr(annotation, '__origin__'):
        if annotation.__module__ in ('builtins', base_module):
            return annotation.__qualname__
        return annotation.__module__ + '.' + annotation.__qualname__
    if hasattr(annotation, '__origin__'):
        return str(annotation)  # list[int], a generic alias
    return repr(annotation)


class Parameter:
    POSITIONAL_ONLY = _POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = _POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = _VAR_POSITIONAL
    KEYWORD_ONLY = _KEYWORD_ONLY
    VAR_KEYWORD = _VAR_KEYWORD
    empty = _empty

    __slots__ = ('_name', '_kind', '_default', '_annotation')

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        if isinstance(kind, int) and not isinstance(kind, bool) and 0 <= kind <= 4:
            kind = _KINDS[kind]
        else:
            raise ValueError('value %r is not a valid Parameter.kind' % (kind,))
        if default is not _empty and kind in (_VAR_POSITIONAL, _VAR_KEYWORD):
            raise ValueError('%s parameters cannot have default values' % kind.description)
        if not isinstance(name, str):
            # CPython's wording, article and all
            raise TypeError('name must be a str, not a %s' % type(name).__name__)
        if not name.isidentifier():
            raise ValueError('%r is not a valid parameter name' % (name,))
        self._name = name
        self._kind = kind
        self._default = default
        self._annotation = annotation

    @property
    def name(self):
        return self._name

    @property
    def kind(self):
        return self._kind

    @property
    def default(self):
        return self._default

    @property
    def annotation(self):
        return self._annotation

    def replace(self, *, name=_void, kind=_void, default=_void, annotation=_void):
        return type(self)(self._name if name is _void else name,
                          self._kind if kind is _void else kind,
                          default=self._default if default is _void else default,
                          annotation=self._annotation if annotation is _void else annotation)

    def __str__(self):
        text = self._name
        if self._annotation is not _empty:
            text = '%s: %s' % (text, formatannotation(self._annotation))
        if self._default is not _empty:
            sep = ' = ' if self._annotation is not _empty else '='
            text = '%s%s%r' % (text, sep, self._default)
        if self._kind == _VAR_POSITIONAL:
            text = '*' + text
        elif self._kind == _VAR_KEYWORD:
            text = '**' + text
        return text

    def __repr__(self):
        return '<%s "%s">' % (type(self).__name__, self)

    def __hash__(self):
        return hash((self._name, self._kind, self._annotation, self._default))

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Parameter):
            return NotImplemented
        return (self._name == other._name and self._kind == other._kind and
                self._default == other._default and self._annotation == other._annotation)


class _Parameters:
    """The read-only, ordered view Signature.parameters gives (CPython: a
    mappingproxy over an OrderedDict; this one prints the same)."""
    __slots__ = ('_d',)

    def __init__(self, d):
        self._d = d

    def __getitem__(self, key):
        return self._d[key]

    def __contains__(self, key):
        return key in self._d

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)

    def __eq__(self, other):
        if isinstance(other, _Parameters):
            other = other._d
        return self._d == other

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def get(self, key, default=None):
        return self._d.get(key, default)

    def __str__(self):
        return 'OrderedDict(%r)' % (list(self._d.items()),)

    def __repr__(self):
        return 'mappingproxy(%s)' % self


class Signature:
    empty = _empty
    __slots__ = ('_parameters', '_return_annotation')

    def __init__(self, parameters=None, *, return_annotation=_empty):
        params = {}
        if parameters is not None:
            top_kind = _POSITIONAL_ONLY
            seen_default = False
            for param in parameters:
                kind = param.kind
                if kind < top_kind:
                    raise ValueError('wrong parameter order: %s parameter before %s parameter'
                                     % (top_kind.description, kind.description))
                top_kind = kind
                if kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
                    if param.default is _empty:
                        if seen_default:
                            raise ValueError('non-default argument follows default argument')
                    else:
                        seen_default = True
                if param.name in params:
                    raise ValueError('duplicate parameter name: %r' % (param.name,))
                params[param.name] = param
        self._parameters = _Parameters(params)
        self._return_annotation = return_annotation

    @classmethod
    def from_callable(cls, obj, *, follow_wrapped=True):
        return _signature_of(obj, follow_wrapped)

    @property
    def parameters(self):
        return self._parameters

    @property
    def return_annotation(self):
        return self._return_annotation

    def replace(self, *, parameters=_void, return_annotation=_void):
        if parameters is _void:
            parameters = self._parameters.values()
        if return_annotation is _void:
            return_annotation = self._return_annotation
        return type(self)(parameters, return_annotation=return_annotation)

    def __str__(self):
        parts = []
        after_positional_only = False   # a '/' is owed before the next other kind
        star_owed = True                # keyword-only ones need a bare '*' unless *args came
        for param in self._parameters.values():
            kind = param.kind
            if kind == _POSITIONAL_ONLY:
                after_positional_only = True
            elif after_positional_only:
                parts.append('/')
                after_positional_only = False
            if kind == _VAR_POSITIONAL:
                star_owed = False
            elif kind == _KEYWORD_ONLY and star_owed:
                parts.append('*')
                star_owed = False
            parts.append(str(param))
        if after_positional_only:
            parts.append('/')
        text = '(%s)' % ', '.join(parts)
        if self._return_annotation is not _empty:
            text += ' -> %s' % formatannotation(self._return_annotation)
        return text

    def __repr__(self):
        return '<%s %s>' % (type(self).__name__, self)

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Signature):
            return NotImplemented
        return (self._return_annotation == other._return_annotation and
                list(self._parameters.items()) == list(other._parameters.items()))

    def __hash__(self):
        return hash((tuple(self._parameters.values()), self._return_annotation))


def unwrap(func, *, stop=None):
    seen = {id(func)}
    f = func
    while hasattr(f, '__wrapped__'):
        if stop is not None and stop(f):
            break
        f = f.__wrapped__
        if id(f) in seen:
            raise ValueError('wrapper loop when unwrapping {!r}'.format(func))
        seen.add(id(f))
    return f


def getmembers(object, predicate=None):
    results = []
    for key in dir(object):
        try:
            value = getattr(object, key)
        except AttributeError:
            continue
        if predicate is None or predicate(value):
            results.append((key, value))
    results.sort(key=lambda pair: pair[0])
    return results


def signature(obj, *, follow_wrapped=True):
    return _signature_of(obj, follow_wrapped)


def _from_function(func):
    code = func.__code__
    names = code.co_varnames
    npos = code.co_argcount
    nposonly = code.co_posonlyargcount
    nkwonly = code.co_kwonlyargcount
    defaults = func.__defaults__ or ()
    kwdefaults = func.__kwdefaults__ or {}
    annotations = getattr(func, '__annotations__', None) or {}
    first_default = npos - len(defaults)
    params = []
    for i in range(npos):
        name = names[i]
        kind = _POSITIONAL_ONLY if i < nposonly else _POSITIONAL_OR_KEYWORD
        default = defaults[i - first_default] if i >= first_default else _empty
        params.append(Parameter(name, kind, default=default,
                                annotation=annotations.get(name, _empty)))
    at = npos + nkwonly  # *args and **kwargs come after the keyword-only names
    if code.co_flags & _CO_VARARGS:
        name = names[at]
        params.append(Parameter(name, _VAR_POSITIONAL, annotation=annotations.get(name, _empty)))
        at += 1
    for i in range(npos, npos + nkwonly):
        name = names[i]
        params.append(Parameter(name, _KEYWORD_ONLY, default=kwdefaults.get(name, _empty),
                                annotation=annotations.get(name, _empty)))
    if code.co_flags & _CO_VARKEYWORDS:
        name = names[at]
        params.append(Parameter(name, _VAR_KEYWORD, annotation=annotations.get(name, _empty)))
    return Signature(params, return_annotation=annotations.get('return', _empty))


def _drop_first(sig):
    # A bound method or a class: self (or cls) is already given.
    params = list(sig.parameters.values())
    if not params or params[0].kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
        raise ValueError('invalid method signature')
    if params[0].kind == _VAR_POSITIONAL:
        return sig  # *args takes the bound object and still takes more
    return sig.replace(parameters=params[1:])


def _from_partial(sig, partial):
    params = []
    args = len(partial.args)
    keywords = partial.keywords
    keyword_only_from_here = False
    for param in sig.parameters.values():
        kind = param.kind
        if args and kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
            args -= 1
            continue
        if param.name in keywords and kind != _VAR_POSITIONAL and kind != _VAR_KEYWORD:
            if kind == _POSITIONAL_ONLY:
                continue  # given by keyword, which a call would refuse; CPython drops it
            param = Parameter(param.name, _KEYWORD_ONLY, default=keywords[param.name],
                              annotation=param.annotation)
            keyword_only_from_here = True
        elif keyword_only_from_here and kind == _POSITIONAL_OR_KEYWORD:
            param = Parameter(param.name, _KEYWORD_ONLY, default=param.default,
                              annotation=param.annotation)
        params.append(param)
    return Signature(params, return_annotation=sig.return_annotation)


def _is_python_function(f):
    return isinstance(f, _FunctionType)


def _signature_of(obj, follow_wrapped):
    if not callable(obj):
        raise TypeError('{!r} is not a callable object'.format(obj))
    if isinstance(obj, _MethodType):
        return _drop_first(_signature_of(obj.__func__, follow_wrapped))
    if follow_wrapped:
        obj = unwrap(obj, stop=lambda f: hasattr(f, '__signature__'))
        if isinstance(obj, _MethodType):
            return _signature_of(obj, follow_wrapped)
    sig = getattr(obj, '__signature__', None)
    if sig is not None:
        if not isinstance(sig, Signature):
            raise TypeError('unexpected object {!r} in __signature__ attribute'.format(sig))
        return sig
    if _is_python_function(obj):
        return _from_function(obj)
    if isinstance(obj, _partial):
        return _from_partial(_signature_of(obj.func, follow_wrapped), obj)
    if isinstance(obj, type):
        return _from_class(obj, follow_wrapped)
    if isinstance(obj, _BUILTIN_TYPES):
        raise ValueError('no signature found for builtin {!r}'.format(obj))
    call = getattr(type(obj), '__call__', None)
    if call is not None and _is_python_function(call):
        return _drop_first(_signature_of(call, follow_wrapped))
    raise ValueError('callable {!r} is not supported by signature'.format(obj))


def _from_class(cls, follow_wrapped):
    # Whichever of __new__ and __init__ comes first in the MRO says what a call takes
    # (__new__ when one class defines both).
    for base in cls.__mro__:
        if base is object:
            break
        for name in ('__new__', '__init__'):
            if name in base.__dict__:
                f = base.__dict__[name]
                if isinstance(f, staticmethod):
                    f = f.__func__
                if not _is_python_function(f):
                    raise ValueError('no signature found for builtin type {!r}'.format(cls))
                return _drop_first(_signature_of(f, follow_wrapped))
    return Signature()


def _f():
    pass


class _C:
    def m(self):
        pass


_FunctionType = type(_f)
_MethodType = type(_C().m)
_BUILTIN_TYPES = (type(len), type([].append))
from functools import partial as _partial
del _f, _C
