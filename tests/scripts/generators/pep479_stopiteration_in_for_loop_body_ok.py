def gen():
    try:
        next(iter([]))
    except StopIteration:
        yield "caught StopIteration inside generator"
    for x in iter([1, 2]):
        yield x
print(list(gen()))
