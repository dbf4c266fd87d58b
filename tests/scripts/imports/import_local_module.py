import helper_mod
print(helper_mod.VALUE, helper_mod.double(21), helper_mod.Thing(3))
print(helper_mod.__name__, type(helper_mod).__name__)
