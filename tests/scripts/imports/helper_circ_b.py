# Other half of the circular import pair; run alone it is a test too.
print("circ_b start")
import helper_circ_a
B = "value of B"
def use_a():
    return helper_circ_a.A
print("circ_b end, circ_a has A yet:", hasattr(helper_circ_a, "A"))
