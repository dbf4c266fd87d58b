# A NUL in a path or an option of open() is an error, never a shorter name:
# the C library would stop at the NUL and open (or create) another file.
cases = [
    (("open_embedded_null.py\x00trailing",), {}),
    (("open_embedded_null.tmp\x00x", "w"), {}),
    (("open_embedded_null.py", "r\x00"), {}),
    (("open_embedded_null.py",), {"encoding": "utf-8\x00"}),
    (("open_embedded_null.py",), {"newline": "\x00"}),
    ((-1,), {}),
    ((2**40,), {}),
]
for args, kwargs in cases:
    try:
        f = open(*args, **kwargs)
        print("opened", args)
        f.close()
    except Exception as e:
        print(type(e).__name__, e)
