# A package whose __init__ raises is taken out of sys.modules; importing retries it.
import sys
for attempt in range(2):
    try:
        import brokenpkg
    except ValueError as e:
        print("ValueError", e, "brokenpkg" in sys.modules)
