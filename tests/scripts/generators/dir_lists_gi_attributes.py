def g():
    yield 1
x = g()
print([a for a in dir(x) if not a.startswith("_")])
print(x.gi_running, x.gi_suspended, x.gi_frame is not None, x.gi_code.co_name, x.gi_yieldfrom)
next(x)
print(x.gi_suspended, x.gi_frame.f_lineno)
list(x)
print(x.gi_frame, x.gi_suspended)
try:
    x.gi_running = 1
except AttributeError as e:
    print(e)
