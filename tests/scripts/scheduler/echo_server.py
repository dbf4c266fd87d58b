# An echo server task and client tasks on 127.0.0.1 (a free port).
import socket

import scheduler

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", 0))
server.listen(16)
server.setblocking(False)
port = server.getsockname()[1]


def handle(conn):
    while True:
        yield scheduler.readable(conn)
        data = conn.recv(1024)
        if not data:
            break
        yield scheduler.writable(conn)
        conn.sendall(data.upper())
    conn.close()


def serve(clients):
    for _ in range(clients):
        yield scheduler.readable(server)
        conn, _ = server.accept()
        conn.setblocking(False)
        scheduler.spawn(handle(conn))
    server.close()


def client(n):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setblocking(False)
    s.connect_ex(("127.0.0.1", port))
    yield scheduler.writable(s)
    replies = []
    for word in ["hello", "from", "client %d" % n]:
        s.sendall(word.encode())
        yield scheduler.readable(s)
        replies.append(s.recv(1024).decode())
    s.close()
    return replies


scheduler.spawn(serve(3))
clients = [scheduler.spawn(client(n)) for n in range(3)]
scheduler.run()
for c in clients:
    print(c.name, c.result())
