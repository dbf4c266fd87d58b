# Traceback objects: tb_next, tb_lineno, tb_frame.f_code.
import sys
def f(): 1/0
try:
    f()
except Exception as e:
    tb = e.__traceback__
    n = 0
    while tb:
        print(tb.tb_lineno, tb.tb_frame.f_code.co_name, tb.tb_frame.f_code.co_filename.endswith("tb.py"), tb.tb_next is None)
        tb = tb.tb_next
    print(sys.exc_info()[0].__name__, sys.exc_info()[2] is not None)
