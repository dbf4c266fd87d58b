"""os for Baton: a small subset (getpid, getcwd, environ, getenv, remove, uname, os.path)."""
import _os
import sys
import posixpath as path

sys.modules["os.path"] = path  # so `import os.path` finds it, as in CPython

name = "posix"
sep = "/"
linesep = "\n"
curdir = "."
pardir = ".."
environ = _os.environ
getpid = _os.getpid
getcwd = _os.getcwd
remove = _os.remove
unlink = _os.remove


def getenv(key, default=None):
    return environ.get(key, default)


class uname_result(tuple):
    """os.uname()'s result: a 5-tuple with named fields, as CPython's."""
    __module__ = "posix"
    n_fields = n_sequence_fields = 5
    n_unnamed_fields = 0
    _fields = ("sysname", "nodename", "release", "version", "machine")

    def __new__(cls, values):
        values = tuple(values)
        if len(values) != 5:
            raise TypeError(f"os.uname_result() takes a 5-sequence ({len(values)}-sequence given)")
        return tuple.__new__(cls, values)

    sysname = property(lambda self: self[0])
    nodename = property(lambda self: self[1])
    release = property(lambda self: self[2])
    version = property(lambda self: self[3])
    machine = property(lambda self: self[4])

    def __repr__(self):
        fields = ", ".join(f"{n}={v!r}" for n, v in zip(self._fields, self))
        return f"posix.uname_result({fields})"

    __str__ = __repr__


def uname():
    """The system's name, host name, release, version and machine."""
    return uname_result(_os.uname())
