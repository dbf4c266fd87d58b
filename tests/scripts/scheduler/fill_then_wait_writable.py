# A writer fills a non-blocking socket until BlockingIOError, then waits
# until it is writable while a slow reader drains it.
import socket

import scheduler

a, b = socket.socketpair()
a.setblocking(False)
b.setblocking(False)
total = 200_000


def writer():
    sent = 0
    blocked = 0
    while sent < total:
        try:
            sent += a.send(b"x" * min(65536, total - sent))
        except BlockingIOError:
            blocked += 1
            yield scheduler.writable(a)
    a.close()
    print("writer blocked at least once:", blocked > 0)


def reader():
    got = 0
    while True:
        yield scheduler.readable(b)
        data = b.recv(4096)
        if not data:
            break
        got += len(data)
        yield scheduler.sleep(0)
    print("reader got", got)


scheduler.spawn(writer())
scheduler.spawn(reader())
scheduler.run()
b.close()
