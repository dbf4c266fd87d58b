# Host names resolve through getaddrinfo: 'localhost', '' and numeric forms.
import socket

print(socket.gethostbyname('localhost'))
print(socket.gethostbyname('127.0.0.1'))
print(socket.gethostbyname(''))
print(type(socket.gethostname()).__name__, len(socket.gethostname()) > 0)
try:
    socket.gethostbyname('no-such-host.invalid')
except socket.gaierror as e:
    print(type(e).__name__, isinstance(e, OSError), e.errno < 0)

s = socket.socket()
s.bind(('', 0))
print(s.getsockname()[0])
s.close()
s = socket.socket()
s.bind(('localhost', 0))
print(s.getsockname()[0])
s.close()
s6 = socket.socket(socket.AF_INET6)
s6.bind(('::1', 0))
addr = s6.getsockname()
print(len(addr), addr[0], addr[2], addr[3])
s6.close()
print(socket.AF_INET, socket.SOCK_STREAM, socket.SOL_SOCKET, socket.SO_REUSEADDR)
print(socket.error is OSError, issubclass(socket.gaierror, OSError))
