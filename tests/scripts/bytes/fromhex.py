# bytes.fromhex: hex pairs, whitespace between pairs; CPython's errors.
print(bytes.fromhex(" 01 ff\n0a"), bytes.fromhex(""), bytes.fromhex("DEADbeef"), b"".fromhex("41"))
for bad in ['bytes.fromhex("zz")', 'bytes.fromhex("0")', 'bytes.fromhex("0 1")', 'bytes.fromhex(1)']:
    try:
        eval(bad)
    except (TypeError, ValueError) as e:
        print(bad, type(e).__name__, e)
print(__debug__)


def f():
    pass


for attr in ["__globals__", "__closure__"]:
    try:
        setattr(f, attr, None)
    except AttributeError as e:
        print(attr, "AttributeError", e)
