# Once the peer has closed, recv returns b'' (and recv(0) always does).
import socket

a, b = socket.socketpair()
print(a.recv(0))
b.sendall(b'last words')
b.close()
print(a.recv(100))
print(a.recv(100))
print(a.recv(100) == b'')
try:
    a.send(b'anyone?')
except BrokenPipeError as e:
    print(type(e).__name__, e)
a.close()
