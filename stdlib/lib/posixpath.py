"""posixpath for Baton: os.path on POSIX systems (a subset)."""
import _os

sep = "/"
curdir = "."
pardir = ".."


def join(a, *parts):
    path = a
    for b in parts:
        if b.startswith("/"):
            path = b
        elif not path or path.endswith("/"):
            path += b
        else:
            path += "/" + b
    return path


def split(p):
    i = p.rfind("/") + 1
    head, tail = p[:i], p[i:]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head, tail


def basename(p):
    return p[p.rfind("/") + 1:]


def dirname(p):
    return split(p)[0]


def splitext(p):
    dot = p.rfind(".")
    slash = p.rfind("/")
    if dot > slash:
        # A leading dot (".bashrc") is not an extension.
        start = slash + 1
        while start < dot and p[start] == ".":
            start += 1
        if start < dot:
            return p[:dot], p[dot:]
    return p, ""


def isabs(p):
    return p.startswith("/")


def normpath(path):
    if not path:
        return "."
    initial = 2 if path.startswith("//") and not path.startswith("///") else \
        1 if path.startswith("/") else 0
    parts = []
    for comp in path.split("/"):
        if comp in ("", "."):
            continue
        if comp != ".." or (not initial and not parts) or (parts and parts[-1] == ".."):
            parts.append(comp)
        elif parts:
            parts.pop()
    path = "/".join(parts)
    if initial:
        path = "/" * initial + path
    return path or "."


def abspath(path):
    if not isabs(path):
        path = join(_os.getcwd(), path)
    return normpath(path)


def exists(path):
    return _os.kind(path) is not None


def isfile(path):
    return _os.kind(path) == "file"


def isdir(path):
    return _os.kind(path) == "dir"
