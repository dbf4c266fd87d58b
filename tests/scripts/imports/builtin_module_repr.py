import sys
print(sys)
print(type(sys).__name__)
import helper_mod
print(helper_mod)
