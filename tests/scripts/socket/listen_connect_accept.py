# A server and a client in one thread: connect completes because the
# listening socket's backlog accepts it before accept() is called.
import socket

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(('127.0.0.1', 0))
server.listen(5)
host, port = server.getsockname()
print(host, type(port).__name__, port > 0)

client = socket.socket()
client.connect(('localhost', port))
conn, addr = server.accept()
print(type(conn).__name__, addr[0], addr == client.getsockname())
print(conn.getpeername() == client.getsockname())
print(client.getpeername() == conn.getsockname())

client.sendall(b'hello server')
print(conn.recv(100))
conn.sendall(b'hello client')
print(client.recv(100))
print(conn.gettimeout(), conn.family == socket.AF_INET)
for s in (conn, client, server):
    s.close()
