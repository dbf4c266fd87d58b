import helper_mod
import helper_mod
import helper_mod as again
print(again is helper_mod)
helper_mod.record("x")
from helper_mod import record
print(record("y"), helper_mod.calls)
def again_inside():
    import helper_mod as h
    return h
print(again_inside() is helper_mod)
