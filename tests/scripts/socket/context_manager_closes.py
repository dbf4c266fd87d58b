# `with socket.socket() as s` gives s and closes it on the way out, also on errors.
import socket

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    print(s.fileno() >= 0)
    inner = s
print(inner.fileno())
print('[closed]' in repr(inner))

try:
    with socket.socket() as s2:
        raise ValueError('boom')
except ValueError as e:
    print('caught', e)
print(s2.fileno())

a, b = socket.socketpair()
with a, b:
    a.send(b'x')
    print(b.recv(1))
print(a.fileno(), b.fileno())
print(a.__enter__() is a)
