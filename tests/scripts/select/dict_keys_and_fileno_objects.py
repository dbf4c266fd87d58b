# select takes any iterables (dict keys views, tuples, generators) of ints
# or of objects with fileno(), and hands back the very objects it was given.
import select
import socket


class Channel:
    def __init__(self, sock, name):
        self.sock = sock
        self.name = name

    def fileno(self):
        return self.sock.fileno()

    def __repr__(self):
        return 'Channel(%r)' % self.name


a, b = socket.socketpair()
c, d = socket.socketpair()
b.send(b'for a')
waiting = {a: 'task-a', c: 'task-c'}
r, w, x = select.select(waiting.keys(), [], [], 0)
print(len(r), r[0] is a, [waiting[s] for s in r])

chan_a, chan_c = Channel(a, 'a'), Channel(c, 'c')
r, w, x = select.select([chan_a, chan_c], (chan_c,), [], 0)
print(r, w, x)

fds = {a.fileno(): 'a', c.fileno(): 'c'}
r, w, x = select.select(fds, fds.keys(), (), 1.0)
print([fds[fd] for fd in r], sorted(fds[fd] for fd in w), x)
r, w, x = select.select((s for s in [a, c]), [], [], 0)
print(r == [a], type(r).__name__, type(w).__name__)
for s in (a, b, c, d):
    s.close()
