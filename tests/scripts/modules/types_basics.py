# types: the names of built-in types, SimpleNamespace.
import types
def g(): yield
print(isinstance(g(), types.GeneratorType), isinstance(g, types.FunctionType), isinstance(len, types.BuiltinFunctionType))
ns = types.SimpleNamespace(a=1, b="x"); ns.c = 3; print(ns, ns.a, ns == types.SimpleNamespace(a=1, b="x", c=3))
