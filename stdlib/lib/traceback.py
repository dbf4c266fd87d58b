"""traceback for Baton: print and format exceptions as the interpreter does."""
import sys

_cause_message = "\nThe above exception was the direct cause of the following exception:\n\n"
_context_message = "\nDuring handling of the above exception, another exception occurred:\n\n"
_sources = {}


def _source_line(filename, lineno):
    lines = _sources.get(filename)
    if lines is None:
        try:
            with open(filename) as f:
                lines = f.read().split("\n")
        except (OSError, UnicodeDecodeError):
            lines = []
        _sources[filename] = lines
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1].strip()
    return ""


def extract_tb(tb, limit=None):
    """(filename, lineno, name, line) for each entry, outermost first: the
    first `limit` of them, or the last -limit when it is negative; no limit
    given means sys.tracebacklimit's (a negative one counts as 0)."""
    if limit is None:
        limit = getattr(sys, "tracebacklimit", None)
        if limit is not None and limit < 0:
            limit = 0
    entries = []
    while tb is not None and (limit is None or limit < 0 or len(entries) < limit):
        code = tb.tb_frame.f_code
        entries.append((code.co_filename, tb.tb_lineno, code.co_name,
                        _source_line(code.co_filename, tb.tb_lineno)))
        tb = tb.tb_next
    if limit is not None and limit < 0:
        entries = entries[limit:]
    return entries


def format_list(entries):
    out = []
    for filename, lineno, name, line in entries:
        item = f'  File "{filename}", line {lineno}, in {name}\n'
        if line:
            item += f"    {line}\n"
        out.append(item)
    return out


def format_tb(tb, limit=None):
    return format_list(extract_tb(tb, limit))


def _exc_name(exc_type):
    name = exc_type.__qualname__
    module = exc_type.__module__
    if module not in ("builtins", "__main__"):
        name = module + "." + name
    return name


def format_exception_only(exc, /, value=None):
    if value is None and not isinstance(exc, type):
        value = exc
    exc_type = type(value) if value is not None else exc
    name = _exc_name(exc_type)
    text = str(value) if value is not None else ""
    return [f"{name}: {text}\n" if text else f"{name}\n"]


def _chain(exc, seen):
    """The exceptions to print, the first cause/context first."""
    seen.add(id(exc))
    parts = []
    if exc.__cause__ is not None and id(exc.__cause__) not in seen:
        parts = _chain(exc.__cause__, seen) + [_cause_message]
    elif (exc.__context__ is not None and not exc.__suppress_context__
          and id(exc.__context__) not in seen):
        parts = _chain(exc.__context__, seen) + [_context_message]
    return parts + [exc]


def format_exception(exc, /, value=None, tb=None, limit=None, chain=True):
    if value is None and not isinstance(exc, type):
        value = exc
    if value is None:
        return format_exception_only(exc)
    parts = _chain(value, set()) if chain else [value]
    out = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
            continue
        part_tb = part.__traceback__ if part is not value or tb is None else tb
        entries = format_tb(part_tb, limit) if part_tb is not None else []
        if entries:
            out.append("Traceback (most recent call last):\n")
            out.extend(entries)
        out.extend(format_exception_only(part))
    return out


def print_exception(exc, /, value=None, tb=None, limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end="")


def format_exc(limit=None, chain=True):
    value = sys.exc_info()[1]
    if value is None:
        return "NoneType: None\n"
    return "".join(format_exception(value, limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    value = sys.exc_info()[1]
    if file is None:
        file = sys.stderr
    if value is None:
        print("NoneType: None", file=file)
        return
    print_exception(value, limit=limit, file=file, chain=chain)
