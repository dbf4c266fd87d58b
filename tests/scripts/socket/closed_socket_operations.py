# Every operation on a closed socket is OSError: [Errno 9]; close() again is fine.
import socket

s = socket.socket()
s.close()
s.close()
print(s.fileno())
print(repr(s))
for name, args in [('send', (b'x',)), ('sendall', (b'x',)), ('recv', (10,)),
                   ('connect', (('127.0.0.1', 80),)), ('bind', (('127.0.0.1', 0),)),
                   ('listen', ()), ('accept', ()), ('getsockname', ()),
                   ('getpeername', ()), ('shutdown', (socket.SHUT_RDWR,)),
                   ('setblocking', (False,)), ('settimeout', (1.0,)),
                   ('getsockopt', (socket.SOL_SOCKET, socket.SO_REUSEADDR)),
                   ('setsockopt', (socket.SOL_SOCKET, socket.SO_REUSEADDR, 1))]:
    try:
        getattr(s, name)(*args)
        print(name, 'worked?')
    except OSError as e:
        print(name, type(e).__name__, e.errno, e)
print(s.connect_ex(('127.0.0.1', 80)))
print(s.gettimeout())
s.recv(10)
