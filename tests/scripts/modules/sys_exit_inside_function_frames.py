import sys
def inner():
    print("inner exits with 2")
    sys.exit(2)
def outer():
    try:
        inner()
    finally:
        print("outer finally")
outer()
