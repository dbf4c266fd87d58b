# A non-blocking connect raises BlockingIOError (in progress); select says
# when it is done, and connect_ex reports errors as numbers.
import select
import socket

server = socket.socket()
server.bind(('127.0.0.1', 0))
server.listen()
port = server.getsockname()[1]

c = socket.socket()
c.setblocking(False)
try:
    c.connect(('127.0.0.1', port))
except BlockingIOError as e:
    print(type(e).__name__, e)
r, w, x = select.select([], [c], [], 5)
print(w == [c], c.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR))
print(c.getpeername() == server.getsockname())
server.setblocking(False)
conn, addr = server.accept()
print(conn.getblocking(), addr == c.getsockname())
try:
    server.accept()
except BlockingIOError as e:
    print(type(e).__name__, e)
try:
    c.recv(10)
except BlockingIOError as e:
    print(type(e).__name__, e)
for s in (conn, c, server):
    s.close()
