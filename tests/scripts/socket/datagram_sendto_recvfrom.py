# UDP: sendto names the receiver, recvfrom tells who sent.
import socket

rx = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
rx.bind(('127.0.0.1', 0))
tx = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
tx.bind(('127.0.0.1', 0))
print(tx.sendto(b'first', rx.getsockname()))
print(tx.sendto(b'second', 0, rx.getsockname()))
data, sender = rx.recvfrom(100)
print(data, sender == tx.getsockname())
print(rx.recv(100))
print(rx.type == socket.SOCK_DGRAM)
rx.close()
tx.close()
