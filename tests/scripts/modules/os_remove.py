# os.remove and os.unlink delete a file; a missing one is FileNotFoundError
# with the path.
import os

name = "os_remove.tmp"
with open(name, "w") as f:
    f.write("x")
print(os.path.exists(name))
os.remove(name)
print(os.path.exists(name))
try:
    os.unlink(name)
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.filename, e)
try:
    os.remove(42)
except TypeError as e:
    print("TypeError:", e)
