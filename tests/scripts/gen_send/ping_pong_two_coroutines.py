def player(name, log):
    while True:
        ball = yield
        log.append("%s hits %d" % (name, ball))
log = []
a = player("ping", log); next(a)
b = player("pong", log); next(b)
for i in range(3):
    a.send(2 * i)
    b.send(2 * i + 1)
print("\n".join(log))
