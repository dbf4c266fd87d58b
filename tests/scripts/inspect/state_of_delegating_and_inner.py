import inspect
def inner():
    yield "in"
def outer():
    yield from inner_gen
inner_gen = inner()
outer_gen = outer()
print(inspect.getgeneratorstate(outer_gen), inspect.getgeneratorstate(inner_gen))
next(outer_gen)
print(inspect.getgeneratorstate(outer_gen), inspect.getgeneratorstate(inner_gen))
next(outer_gen, None)
print(inspect.getgeneratorstate(outer_gen), inspect.getgeneratorstate(inner_gen))
