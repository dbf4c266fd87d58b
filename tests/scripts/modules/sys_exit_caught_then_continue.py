import sys
try:
    sys.exit(7)
except SystemExit as e:
    print("caught", type(e).__name__, e.code)
try:
    sys.exit("msg")
except SystemExit as e:
    print("caught", repr(e.code))
try:
    sys.exit()
except SystemExit as e:
    print("caught", e.code)
print("still running")
