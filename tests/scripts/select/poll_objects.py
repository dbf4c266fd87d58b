# poll(): register, modify, unregister and poll(timeout in ms) giving (fd, events).
import select
import socket

a, b = socket.socketpair()
fa, fb = a.fileno(), b.fileno()
names = {fa: 'a', fb: 'b'}


def show(events):
    print(sorted((names[fd], ev) for fd, ev in events))


p = select.poll()
print(p.poll(0))
p.register(a, select.POLLIN)
p.register(fb)
show(p.poll(0))
b.send(b'data')
show(p.poll(10))
p.modify(fb, select.POLLIN)
show(p.poll(0))
p.unregister(a)
print(p.poll(0.5))
p.register(b, select.POLLOUT | select.POLLIN)
show(p.poll(None))
a.close()
show(p.poll(1000))
print(select.POLLIN, select.POLLPRI, select.POLLOUT, select.POLLERR, select.POLLHUP,
      select.POLLNVAL)
try:
    p.unregister(fa)
except KeyError as e:
    print('KeyError', e.args[0] == fa)
try:
    p.modify(fa, select.POLLIN)
except OSError as e:
    print(type(e).__name__, e)
b.close()
