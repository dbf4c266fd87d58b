# settimeout makes a recv that waits too long raise TimeoutError('timed out').
import socket

a, b = socket.socketpair()
a.settimeout(0.05)
print(a.gettimeout(), a.getblocking(), a.timeout)
try:
    a.recv(10)
except socket.timeout as e:
    print(type(e).__name__, e, e.args, e.errno)
    print(isinstance(e, OSError), socket.timeout is TimeoutError)
b.send(b'now')
print(a.recv(10))
a.settimeout(0.05)
a.recv(10)
