name = "open_line_iteration.tmp"
with open(name, "w") as f:
    for i in range(4):
        f.write("row %d\n" % i)
with open(name) as f:
    for line in f:
        print(repr(line))
with open(name) as f:
    print([l.rstrip("\n") for l in f if "2" not in l])
with open(name) as f:
    print(len(list(f)))
