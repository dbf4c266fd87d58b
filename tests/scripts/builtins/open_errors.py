try:
    open("no_such_dir_for_test/x.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e)
name = "open_errors.tmp"
with open(name, "w") as f:
    try:
        f.write(b"bytes")
    except TypeError as e:
        print(type(e).__name__, e)
with open(name, "wb") as f:
    try:
        f.write("text")
    except TypeError as e:
        print(type(e).__name__, e)
try:
    open(name, "q")
except ValueError as e:
    print(type(e).__name__, e)
