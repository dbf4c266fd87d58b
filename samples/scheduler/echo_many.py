# An echo server task and a client that opens many connections at once,
# each connection a task of its own; all on one thread, parked in epoll.
import socket

import scheduler

CONNECTIONS = 50

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", 0))
server.listen(128)
server.setblocking(False)
port = server.getsockname()[1]


def echo(conn):
    while True:
        yield scheduler.readable(conn)
        data = conn.recv(4096)
        if not data:
            break
        yield scheduler.writable(conn)
        conn.sendall(data)
    conn.close()


def serve(count):
    for _ in range(count):
        yield scheduler.readable(server)
        conn, _ = server.accept()
        conn.setblocking(False)
        scheduler.spawn(echo(conn), name="echo")
    server.close()


def one_connection(n):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setblocking(False)
    s.connect_ex(("127.0.0.1", port))
    yield scheduler.writable(s)
    message = ("message %d " % n).encode() * 10
    s.sendall(message)
    got = b""
    while len(got) < len(message):
        yield scheduler.readable(s)
        got += s.recv(4096)
    s.close()
    return got == message


def client(count):
    tasks = [scheduler.spawn(one_connection(n)) for n in range(count)]
    answers = []
    for t in tasks:
        answers.append((yield scheduler.join(t)))
    print("connections:", len(answers), "echoed back intact:", all(answers))


scheduler.spawn(serve(CONNECTIONS), name="server")
scheduler.spawn(client(CONNECTIONS), name="client")
scheduler.run()
