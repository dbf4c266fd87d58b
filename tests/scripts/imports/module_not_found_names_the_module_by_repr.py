# ModuleNotFoundError names the module with repr(), as CPython: a NUL, quotes
# and tabs show escaped or in the other quotes.
for name in ["\x00", "a'b", 'a"b', "é", "a.b", "os.nope", "tab\tname"]:
    try:
        __import__(name)
    except ImportError as e:
        print(type(e).__name__, e, e.name)
try:
    import os.path.nope
except ImportError as e:
    print(type(e).__name__, e, e.name)
