# compile() makes code objects that exec() and eval() run.
c = compile("x = 6 * 7\nprint('x is', x)", "made.py", "exec")
print(type(c).__name__, c.co_filename, c.co_name)
ns = {}
exec(c, ns)
print(ns["x"])
e = compile("x + 1", "<expr>", "eval")
print(eval(e, {"x": 1}), eval(compile("[i * i for i in range(4)]", "", "eval")))
s = compile("1 + 2", "<single>", "single")
exec(s)
exec(compile(b"print('from bytes')", "b.py", "exec"))
for bad in (lambda: compile("x", "f", "run"), lambda: compile(1, "f", "exec"),
            lambda: compile("x", 1, "exec"), lambda: compile("def (", "broken.py", "exec")):
    try:
        bad()
    except (TypeError, ValueError, SyntaxError) as err:
        print(type(err).__name__, err)
try:
    exec(compile("1 / 0", "boom.py", "exec"))
except ZeroDivisionError as err:
    print("ZeroDivisionError", err.__traceback__.tb_next.tb_frame.f_code.co_filename)
