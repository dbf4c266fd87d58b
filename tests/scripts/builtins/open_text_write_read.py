name = "open_text_write_read.tmp"
f = open(name, "w")
print(f.write("first line\n"), f.write("second\n"))
f.close()
f = open(name, "a")
f.write("third\n")
f.close()
f = open(name, "r")
print(repr(f.read()))
f.close()
with open(name) as f:
    print(f.readline(), end="")
    print(repr(f.readline()))
    print(f.readlines())
