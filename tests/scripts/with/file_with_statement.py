# Writes a scratch file beside the script (*.tmp, overwritten on every run).
name = "file_with_statement.tmp"
with open(name, "w") as f:
    f.write("hello\n")
    print(f.closed)
print(f.closed)
with open(name) as f:
    print(repr(f.read()))
try:
    f.read()
except ValueError as e:
    print(type(e).__name__, e)
