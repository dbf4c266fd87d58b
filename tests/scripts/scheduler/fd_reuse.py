# One connection after another: each accepted socket takes the descriptor
# number the last one freed, and waiting on it must still work (the
# scheduler may keep a descriptor registered between waits).
import socket

import scheduler

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.bind(("127.0.0.1", 0))
server.listen(4)
server.setblocking(False)
port = server.getsockname()[1]
numbers = []


def serve(count):
    for _ in range(count):
        yield scheduler.readable(server)
        conn, _ = server.accept()
        conn.setblocking(False)
        numbers.append(conn.fileno())
        yield scheduler.readable(conn)
        conn.sendall(conn.recv(100)[::-1])
        yield scheduler.readable(conn)   # the client's close
        conn.recv(100)
        conn.close()


def client(count):
    for i in range(count):
        s = socket.create_connection(("127.0.0.1", port))
        s.setblocking(False)
        s.sendall(("abc%d" % i).encode())
        yield scheduler.readable(s)
        print(s.recv(100))
        s.close()


scheduler.spawn(serve(4))
scheduler.spawn(client(4))
scheduler.run()
print("descriptor numbers reused:", len(set(numbers)) < len(numbers))
server.close()
