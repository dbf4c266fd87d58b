# types.FunctionType(code, globals, name, argdefs, closure): a new function
# over an existing code object, reading the globals it is given.
def f(x, y=2):
    return x + y + a


def outer():
    z = 10

    def g():
        return z

    return g


F = type(f)
print(F(f.__code__, {"a": 1})(1, 2), F(f.__code__, {"a": 100})(1, 1), F(f.__code__, {}).__defaults__)
h = F(f.__code__, {"__name__": "mod", "a": 0}, "renamed", (5,))
print(h.__name__, h.__qualname__, h.__module__, h.__defaults__, h(1))
g = outer()
k = F(g.__code__, {}, None, None, g.__closure__)
print(k(), k.__closure__ == g.__closure__)
nested = (lambda: (lambda: a)).__code__
print(F(nested, {"a": 1})()(), F(nested, {"a": 2})()())
for args in [(None, {}), (f.__code__, None), (f.__code__,), (f.__code__, {}, 5),
             (f.__code__, {}, None, 5), (g.__code__, {}), (g.__code__, {}, None, None, (1,)),
             (f.__code__, {}, None, None, (1,))]:
    try:
        F(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
