import helper_mod
try:
    helper_mod.nope
except AttributeError as e:
    print(type(e).__name__, e)
import sys
try:
    sys.no_attr
except AttributeError as e:
    print(type(e).__name__, e)
