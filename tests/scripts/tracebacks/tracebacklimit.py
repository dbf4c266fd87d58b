# sys.tracebacklimit and traceback's limit: the module keeps the first entries
# (the last ones for a negative limit); the interpreter's own printer keeps the
# most recent ones, and prints no traceback at all for a limit of 0.
import sys
import traceback


def dive(n):
    if n == 0:
        raise ValueError("at the bottom")
    dive(n - 1)


def entries(lines):
    return [line.split(", ", 1)[1].strip() for line in lines if line.startswith("  File")]


try:
    dive(3)
except ValueError as e:
    for limit in (None, 0, 1, 2, -1, -2, 100):
        lines = traceback.format_exception(e, limit=limit)
        print(limit, entries(lines), lines[0].strip(), lines[-1].strip())
    for setting in (0, 1, -5, 3):
        sys.tracebacklimit = setting
        lines = traceback.format_exception(e)
        print("tracebacklimit", setting, entries(lines), len(lines))
    del sys.tracebacklimit
    print(len(entries(traceback.format_exception(e))))

sys.tracebacklimit = 2
dive(4)
