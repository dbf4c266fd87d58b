# exec() and eval() of a function's code object run it as a call with no
# arguments: a generator function's code makes a generator (which exec drops),
# a function with parameters misses them, a closure's code is refused.
def gen():
    print("gen body runs")
    yield 1
    yield 2


def takes(a, b=2):
    return a + b


def no_args():
    print("no_args runs")
    return 42


print(exec(gen.__code__))
g = eval(gen.__code__)
print(type(g).__name__, g.__name__, list(g))
print(eval(no_args.__code__))
print(exec(no_args.__code__))
for code in (takes.__code__,):
    try:
        eval(code)
    except TypeError as e:
        print("TypeError:", e)


def outer():
    x = 1

    def inner():
        return x
    return inner


try:
    exec(outer().__code__)
except TypeError as e:
    print("TypeError:", e)
try:
    eval(outer().__code__)
except TypeError as e:
    print("TypeError:", e)
