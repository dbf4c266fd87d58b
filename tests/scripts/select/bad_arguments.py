# CPython's messages for wrong arguments to select() and poll objects.
import select
import socket


def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)


class NoInt:
    def fileno(self):
        return 'three'


class Negative:
    def fileno(self):
        return -3


attempt(lambda: select.select([], [], [], -1))
attempt(lambda: select.select([], [], [], 'soon'))
attempt(lambda: select.select([], [], [], float('nan')))
attempt(lambda: select.select(['x'], [], []))
attempt(lambda: select.select([1.5], [], []))
attempt(lambda: select.select([-1], [], []))
attempt(lambda: select.select([NoInt()], [], [], 0))
attempt(lambda: select.select([Negative()], [], [], 0))
attempt(lambda: select.select(5, [], []))
attempt(lambda: select.select([], []))
attempt(lambda: select.select([], [], [], 0, 1))
attempt(lambda: select.select(rlist=[]))
s = socket.socket()
fd = s.fileno()
s.close()
attempt(lambda: select.select([fd], [], [], 0))
attempt(lambda: select.select([s], [], [], 0))

p = select.poll()
attempt(lambda: p.register('x'))
attempt(lambda: p.register(-1))
attempt(lambda: p.register(0, 'x'))
attempt(lambda: p.register(0, -1))
attempt(lambda: p.register(0, 1 << 20))
attempt(lambda: p.register())
attempt(lambda: p.register(fd=0))
attempt(lambda: p.modify(0))
attempt(lambda: p.unregister())
attempt(lambda: p.poll(1, 2))
attempt(lambda: p.poll('x'))
attempt(lambda: p.poll(timeout=1))
attempt(lambda: select.poll(1))
