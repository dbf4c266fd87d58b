# co_lnotab: pairs of (offset step, signed line step) from co_firstlineno.
# The offsets are each interpreter's own bytecode, so only the lines it
# walks through are compared; a jump of 300 lines spreads over several pairs.


def lines_of(code):
    table = code.co_lnotab
    line = code.co_firstlineno
    seen = []
    for i in range(0, len(table), 2):
        step = table[i + 1]
        line += step - 256 if step > 127 else step
        seen.append(line)
    return seen


def f(x):
    a = x + 1
    b = a * 2



    c = b - 1
    return c


print(type(f.__code__.co_lnotab).__name__, len(f.__code__.co_lnotab) % 2)
print(lines_of(f.__code__))

namespace = {}
exec("def g():\n    x = 1\n" + "\n" * 300 + "    return x\n", namespace)
print(lines_of(namespace["g"].__code__))
exec("def h():\n    y = 1\n" + "\n" * 300 + "    while y:\n        y = 0\n    return y\n", namespace)
print(lines_of(namespace["h"].__code__))
