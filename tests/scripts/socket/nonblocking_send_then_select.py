# A non-blocking send fills the buffer until BlockingIOError; select then
# says the socket is not writable until the peer reads.
import select
import socket

a, b = socket.socketpair()
a.setblocking(False)
print(a.getblocking(), a.gettimeout())
sent = 0
chunk = b'x' * 65536
try:
    while True:
        sent += a.send(chunk)
except BlockingIOError as e:
    print(type(e).__name__, e)
    print(e.errno, e.strerror)
print(sent > 0)
r, w, x = select.select([], [a], [], 0)
print(r, w, x)

b.setblocking(False)
got = 0
try:
    while True:
        got += len(b.recv(1 << 20))
except BlockingIOError:
    pass
print(got == sent)
r, w, x = select.select([b], [a], [], 5)
print(r == [], w == [a], x)
a.close()
b.close()
