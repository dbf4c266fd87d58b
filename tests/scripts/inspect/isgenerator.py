import inspect
def gen():
    yield 1
def plain():
    return 1
for obj in [gen(), (x for x in []), gen, plain, [1], iter([1]), range(3), None]:
    print(inspect.isgenerator(obj))
