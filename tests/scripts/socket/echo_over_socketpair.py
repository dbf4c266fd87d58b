# Bytes written to one end of a socketpair come out of the other, both ways.
import socket

a, b = socket.socketpair()
print(a.family == socket.AF_UNIX, a.type == socket.SOCK_STREAM, a.proto)
print(a.send(b'ping'))
print(b.recv(1024))
b.sendall(b'pong ' * 3)
got = b''
while len(got) < 15:
    got += a.recv(4)
print(got)
print(a.getblocking(), a.gettimeout())
a.close()
b.close()
