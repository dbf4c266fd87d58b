import helper_mod
helper_mod.VALUE = 7
helper_mod.new_attr = "added"
from helper_mod import VALUE, new_attr
print(VALUE, new_attr)
print(sorted(n for n in dir(helper_mod) if not n.startswith("_")))
