# 10,000 tasks parked on an idle socket cost no CPU while they wait: the
# loop sleeps in epoll (no busy polling) until the socket has data.
import socket
import time

import scheduler

a, b = socket.socketpair()
woken = 0


def parked():
    global woken
    yield scheduler.readable(b)
    woken += 1


def timer():
    cpu, wall = time.process_time(), time.monotonic()
    yield scheduler.sleep(0.5)
    cpu, wall = time.process_time() - cpu, time.monotonic() - wall
    print("idle half second used under 5% CPU:", cpu < 0.05 * wall)
    a.send(b"!")


for _ in range(10_000):
    scheduler.spawn(parked())
scheduler.spawn(timer())
scheduler.run()
print("woken:", woken)
a.close()
b.close()
