# What a code object tells about its function: names, counts, constants,
# its first line, and co_code/co_lines() (the offsets are Baton's bytecode's,
# so only their shape is printed).
def f(x, y, *args, k=1, **kw):
    """doc"""
    total = x + y
    return total * 2


c = f.__code__
print(c.co_name, c.co_qualname, c.co_argcount, c.co_kwonlyargcount, c.co_posonlyargcount)
print(c.co_varnames, c.co_nlocals, c.co_firstlineno, c.co_filename.endswith(".py"))
print(c.co_consts[0], type(c.co_code), c.co_freevars, c.co_cellvars)
lines = list(c.co_lines())
print(lines[0][0], lines[-1][1] == len(c.co_code), [line for _, _, line in lines][-1])
print(all(a[1] == b[0] for a, b in zip(lines, lines[1:])), {line for *_, line in lines} <= {4, 6, 7})
print((lambda: 0).__code__.co_name, (lambda: 0).__code__.co_argcount)
