"""string for Baton: character classes, capwords and Template ($-substitution)."""
import re as _re
from collections import ChainMap as _ChainMap

whitespace = " \t\n\r\x0b\x0c"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdef" + "ABCDEF"
octdigits = "01234567"
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or " ").join(word.capitalize() for word in s.split(sep))


_no_mapping = object()


class Template:
    """A string with $name and ${name} placeholders ($$ is a dollar sign). A
    subclass may change delimiter, idpattern, braceidpattern, flags or the whole
    pattern (which must have the groups escaped, named, braced and invalid)."""

    delimiter = "$"
    # (?a:...) keeps the identifiers ASCII, as CPython's; IGNORECASE adds A-Z.
    idpattern = r"(?a:[_a-z][_a-z0-9]*)"
    braceidpattern = None
    flags = _re.IGNORECASE

    def __init_subclass__(cls):
        super().__init_subclass__()
        cls.pattern = _template_pattern(cls)

    def __init__(self, template):
        self.template = template

    def _invalid(self, mo):
        at = mo.start("invalid")
        lines = self.template[:at].splitlines(True)
        line = max(len(lines), 1)
        column = at - len("".join(lines[:-1])) if lines else 1
        raise ValueError(f"Invalid placeholder in string: line {line}, col {column}")

    def _unrecognized(self):
        return ValueError("Unrecognized named group in pattern", self.pattern)

    def substitute(*args, **kws):
        self, mapping = _template_args("substitute", args, kws)

        def replace(mo):
            name = mo.group("named") or mo.group("braced")
            if name is not None:
                return str(mapping[name])
            if mo.group("escaped") is not None:
                return self.delimiter
            if mo.group("invalid") is not None:
                self._invalid(mo)
            raise self._unrecognized()
        return self.pattern.sub(replace, self.template)

    def safe_substitute(*args, **kws):
        self, mapping = _template_args("safe_substitute", args, kws)

        def replace(mo):
            name = mo.group("named") or mo.group("braced")
            if name is not None:
                try:
                    return str(mapping[name])
                except KeyError:
                    return mo.group()
            if mo.group("escaped") is not None:
                return self.delimiter
            if mo.group("invalid") is not None:
                return mo.group()
            raise self._unrecognized()
        return self.pattern.sub(replace, self.template)

    def is_valid(self):
        for mo in self.pattern.finditer(self.template):
            if mo.group("invalid") is not None:
                return False
            if mo.group("named") is None and mo.group("braced") is None and \
                    mo.group("escaped") is None:
                raise self._unrecognized()
        return True

    def get_identifiers(self):
        found = []
        for mo in self.pattern.finditer(self.template):
            name = mo.group("named") or mo.group("braced")
            if name is not None:
                if name not in found:
                    found.append(name)
            elif mo.group("invalid") is None and mo.group("escaped") is None:
                raise self._unrecognized()
        return found


def _template_pattern(cls):
    """The class's pattern compiled: its own, or one made from its delimiter,
    idpattern, braceidpattern (default idpattern) and flags."""
    if "pattern" in cls.__dict__:
        return _re.compile(cls.pattern, cls.flags | _re.VERBOSE)
    delim = _re.escape(cls.delimiter)
    ident = cls.idpattern
    braced = cls.braceidpattern or cls.idpattern
    return _re.compile(rf"""
        {delim}(?:
          (?P<escaped>{delim})    |  # two delimiters: one, literally
          (?P<named>{ident})      |  # $name
          {{(?P<braced>{braced})}} |  # ${{name}}
          (?P<invalid>)              # anything else after a delimiter
        )""", cls.flags | _re.VERBOSE)


def _template_args(method, args, kws):
    """(self, mapping) from substitute's arguments: self, an optional mapping
    (positional only), keywords that win over it."""
    if not args:
        raise TypeError(f"Template.{method}() missing 1 required positional argument: 'self'")
    if len(args) > 2:
        raise TypeError(f"Template.{method}() takes from 1 to 2 positional arguments "
                        f"but {len(args)} were given")
    if len(args) == 1:
        return args[0], kws
    if kws:
        return args[0], _ChainMap(kws, args[1])
    return args[0], args[1]


Template.pattern = _template_pattern(Template)
