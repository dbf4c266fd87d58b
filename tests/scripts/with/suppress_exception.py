class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return None
    def __exit__(self, et, ev, tb):
        print("exit sees", et.__name__ if et else None, ev)
        return et is not None and issubclass(et, self.types)
with Suppress(ZeroDivisionError):
    1 / 0
    print("not reached")
print("after suppressed")
try:
    with Suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print("propagated", e)
