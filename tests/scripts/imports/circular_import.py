import helper_circ_a
import helper_circ_b
print(helper_circ_a.use_b(), "|", helper_circ_b.use_a())
