import sys
print("a", "b", file=sys.stdout, sep="+", flush=True)
print("err line", file=sys.stderr, flush=True)
name = "print_file_and_flush.tmp"
with open(name, "w") as f:
    print("into file", 1, 2, file=f, sep=",")
    print("second", file=f, end="!\n")
with open(name) as f:
    print(f.read(), end="")
