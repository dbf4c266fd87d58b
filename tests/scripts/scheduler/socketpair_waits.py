# Tasks wait until a socket is readable or writable, both ways.
import socket

import scheduler

a, b = socket.socketpair()
a.setblocking(False)
b.setblocking(False)


def reader(sock, name, count):
    for _ in range(count):
        yield scheduler.readable(sock)
        print(name, "got", sock.recv(100))


def writer(sock, msgs):
    for m in msgs:
        yield scheduler.writable(sock)
        sock.send(m)
        yield scheduler.sleep(0.01)


scheduler.spawn(reader(b, "b", 2))
scheduler.spawn(reader(a, "a", 2))
scheduler.spawn(writer(a, [b"one", b"two"]))
scheduler.spawn(writer(b, [b"uno", b"dos"]))
scheduler.run()
a.close()
b.close()
