try:
    from helper_mod import does_not_exist
except ImportError as e:
    print(type(e).__name__, e)
try:
    from math import no_such_function
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
