def coroutine(fn):
    def start(*args, **kwargs):
        g = fn(*args, **kwargs)
        next(g)
        return g
    return start
@coroutine
def grep(pattern):
    print("looking for", repr(pattern))
    while True:
        line = yield
        if pattern in line:
            print("match:", line)
g = grep("py")
for line in ["python", "ruby", "pypy", "c"]:
    g.send(line)
