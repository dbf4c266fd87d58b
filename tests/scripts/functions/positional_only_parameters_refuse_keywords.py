# Positional-only parameters (PEP 570): before a '/', a name cannot be passed
# by keyword (CPython's TypeError lists every such name, in parameter order)
# unless **kwargs takes it as just another keyword; co_posonlyargcount and
# inspect.signature show them.
def f(a, b, /, c, *args, d, **kw):
    return a, b, c, args, d, kw
def g(a, b=2, /):
    return a, b
def h(x, /, *, y):
    yield x + y
cases = ["f(1, 2, 3, d=4)", "f(1, 2, c=3, d=4, a=5, b=6)", "f(1, 2, 3, 4, 5, d=6)", "g(1)", "g(1, 3)", "g(a=1)", "g(1, b=2)", "g(a=1, b=2)",
         "g(b=2, a=1, z=3)", "g(z=3, a=1)", "g()", "g(1, 2, 3)", "list(h(1, y=2))", "list(h(x=1, y=2))", "h(1)", "f(1, 2, d=3)", "(lambda a, /: a)(a=1)",
         "sorted([3, 1], key=lambda v, /: -v)", "dict(f(1, 2, 3, d=4, self=7)[5])"]
for c in cases:
    try:
        print(c, "->", eval(c))
    except TypeError as e:
        print(c, "->", e)
print(f.__code__.co_posonlyargcount, g.__code__.co_posonlyargcount, h.__code__.co_posonlyargcount, h.__code__.co_argcount, h.__code__.co_kwonlyargcount)
import inspect
print(inspect.signature(f), inspect.signature(g), inspect.signature(h))
class K:
    def m(self, /, x):
        return x
    @staticmethod
    def s(a, /):
        return a
print(K().m(x=1), K.s(2))
try:
    K.s(a=2)
except TypeError as e:
    print(e)
