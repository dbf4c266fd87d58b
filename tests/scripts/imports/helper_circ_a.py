# Half of a circular import pair (see circular_import.py); run alone it is a test too.
print("circ_a start")
import helper_circ_b
A = "value of A"
def use_b():
    return helper_circ_b.B
print("circ_a end")
