class BadExit:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        raise KeyError("from exit")
try:
    with BadExit():
        raise ValueError("body")
except KeyError as e:
    print(type(e).__name__, e, "context:", repr(e.__context__))
