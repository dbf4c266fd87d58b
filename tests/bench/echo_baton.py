"""The echo server of the echo benchmark on Baton's built-in scheduler, written
the way a user of the module would: a task per connection. Prints its port
(127.0.0.1, a free one), then serves until killed."""
import socket
import sys

import scheduler

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", 0))
server.listen(1024)
server.setblocking(False)
print(server.getsockname()[1], flush=True)


def echo(conn):
    while True:
        yield scheduler.readable(conn)
        data = conn.recv(4096)
        if not data:
            break
        conn.sendall(data)
    conn.close()


def serve():
    while True:
        yield scheduler.readable(server)
        conn, _ = server.accept()
        conn.setblocking(False)
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        scheduler.spawn(echo(conn))


scheduler.spawn(serve())
scheduler.run()
