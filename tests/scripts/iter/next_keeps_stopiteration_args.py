# next() lets the StopIteration an iterator raises through as it was.
class Stops:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration(42)


def boom(x):
    raise StopIteration("from map")


for it in [Stops(), map(boom, [1])]:
    try:
        next(it)
    except StopIteration as e:
        print(type(it).__name__, e.args)
print(next(Stops(), "default"), next(map(boom, [1]), "default"), list(Stops()))
