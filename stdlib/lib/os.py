"""os for Baton: a small subset (getpid, getcwd, environ, getenv, remove, os.path)."""
import _os
import posixpath as path

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
