# A function made from module-level code runs it with its globals as the
# namespace (such code has no locals of its own), and takes no arguments.
g = {"base": 10}
code = compile("x = base + 1\nprint('ran', x)\ndel base\ny = x * 2", "made", "exec")
f = type(lambda: 0)(code, g)
print(f())
print(sorted(k for k in g if not k.startswith("__")))
for call in (lambda: f(1), lambda: f(1, 2), lambda: f(a=1)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
again = type(lambda: 0)(compile("print('again', y)", "made2", "exec"), g)
again()
