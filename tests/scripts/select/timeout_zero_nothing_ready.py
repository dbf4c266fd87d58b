# With nothing ready, select returns three empty lists: at once for a
# timeout of 0, after the timeout otherwise.
import select
import socket
import time

a, b = socket.socketpair()
print(select.select([a, b], [], [a, b], 0))
print(select.select([], [], [], 0))
start = time.monotonic()
print(select.select([a], [], [], 0.05))
print(time.monotonic() - start >= 0.04)
print(select.select([a], [], [], 0.0))
print(select.select([], [], [], 0))
b.send(b'!')
print(len(select.select([a], [], [], None)[0]))
a.close()
b.close()
