# Connecting to a port nobody listens on: ConnectionRefusedError, uncaught.
import socket

probe = socket.socket()
probe.bind(('127.0.0.1', 0))
port = probe.getsockname()[1]
probe.close()

s = socket.socket()
print(s.connect_ex(('127.0.0.1', port)))
s.close()
s = socket.socket()
s.connect(('127.0.0.1', port))
