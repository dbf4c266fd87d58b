# traceback: format_exc, format_exception (with chained causes), print_exc, extract_tb.
import sys
import traceback


def inner(x):
    return 10 // x


def outer():
    return inner(0)


try:
    outer()
except ZeroDivisionError:
    text = traceback.format_exc()
    print(text.replace(__file__, "FILE"))
    lines = traceback.format_exception(*sys.exc_info())
    print(len(lines), lines[-1], end="")
    traceback.print_exc(file=sys.stdout)

try:
    try:
        {}["k"]
    except KeyError as e:
        raise ValueError("bad") from e
except ValueError as e:
    for line in traceback.format_exception(e):
        print(line, end="")
    print(traceback.format_exception_only(e))
    entries = traceback.extract_tb(e.__traceback__)
    print([(n, l) for _, l, n, _ in entries])
print(traceback.format_exc(), end="")
traceback.print_exception(RuntimeError("shown on stderr"))
