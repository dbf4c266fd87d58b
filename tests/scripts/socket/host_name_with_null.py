# A NUL inside a host name is refused before any lookup, with CPython's error.
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
for host in ["127.0.0.1\x00", "\x00", "local\x00host"]:
    try:
        s.connect((host, 1))
    except Exception as e:
        print(type(e).__name__, e)
s.close()
