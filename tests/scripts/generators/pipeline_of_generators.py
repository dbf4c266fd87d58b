def read(lines):
    for line in lines:
        print("read", line)
        yield line
def strip(src):
    for s in src:
        yield s.strip()
def nonempty(src):
    for s in src:
        if s:
            yield s
lines = ["  a ", "", " b", "   "]
for item in nonempty(strip(read(lines))):
    print("got", repr(item))
