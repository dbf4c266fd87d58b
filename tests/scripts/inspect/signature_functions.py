# signature() of plain functions: every parameter kind, defaults, and how str() shows them.
from inspect import signature, Parameter
def f1(a, b): pass
def f2(): pass
def f3(a, b=2, c='x', d=None): pass
def f4(a, *args, **kwargs): pass
def f5(a, *c, b=1, e, **d): pass
def f6(a, *, b, c=[1, 2]): pass
def f7(*args): pass
def f8(**kw): pass
def gen(x, y=0):
    yield x
for f in (f1, f2, f3, f4, f5, f6, f7, f8, gen, lambda x, y=3: x + y, lambda: 0):
    sig = signature(f)
    print(sig, repr(sig), list(sig.parameters))
    for p in sig.parameters.values():
        print('   ', repr(p), p.name, p.kind, repr(p.kind), p.kind.description,
              'empty' if p.default is Parameter.empty else repr(p.default))
print(signature(f3).parameters)
print(repr(signature(f3).parameters))
print(len(signature(f5).parameters), 'b' in signature(f5).parameters, signature(f5).parameters['e'])
print(signature(f1) == signature(lambda a, b: 0), signature(f1) == signature(f2))
print(signature(f1).return_annotation is Parameter.empty, Parameter.empty)
