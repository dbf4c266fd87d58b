# create_connection resolves the host, tries each address and sets the timeout.
import socket

server = socket.socket()
server.bind(('127.0.0.1', 0))
server.listen()
port = server.getsockname()[1]

c = socket.create_connection(('127.0.0.1', port))
print(c.gettimeout(), c.family == socket.AF_INET)
c2 = socket.create_connection(('localhost', port), timeout=2.5)
print(c2.gettimeout())
a1, _ = server.accept()
a2, _ = server.accept()
c.sendall(b'one')
print(a1.recv(10))
for s in (a1, a2, c, c2, server):
    s.close()
try:
    socket.create_connection(('127.0.0.1', port))
except ConnectionRefusedError as e:
    print(type(e).__name__, e)
