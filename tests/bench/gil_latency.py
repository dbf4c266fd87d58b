"""GIL hand-off latency and the convoy effect, under any Python (Baton or CPython).

usage: gil_latency.py [INTERVAL_MS] [PINGS]
While one thread spins on the CPU, measures (in milliseconds, p50 and p99):
- wake: how late a thread gets to run again after time.sleep(0.001) ends: it must
  get the GIL back from the spinning thread (its request, the holder's drop);
- echo: the round trip of a one-byte ping to an echo thread over a socketpair,
  the convoy effect of "Understanding the Python GIL": each side comes back
  from a blocking call and must wait for the GIL the spinner holds.
Prints one line: wake_p50 wake_p99 echo_p50 echo_p99 (run by gil_table.py).
"""
import socket
import sys
import threading
import time

interval_ms = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
pings = int(sys.argv[2]) if len(sys.argv) > 2 else 300
sys.setswitchinterval(interval_ms / 1000)
stop = threading.Event()


def spin():
    n = 0
    while not stop.is_set():
        n += 1


def echo(sock):
    while True:
        data = sock.recv(1)
        if not data:
            return
        sock.sendall(data)


def percentile(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(p / 100 * len(xs)))]


a, b = socket.socketpair()
echo_thread = threading.Thread(target=echo, args=(b,))
echo_thread.start()
spinner = threading.Thread(target=spin)
spinner.start()
time.sleep(0.05)

wake = []
for _ in range(pings):
    t0 = time.perf_counter()
    time.sleep(0.001)
    wake.append((time.perf_counter() - t0) * 1000 - 1.0)

rtt = []
for _ in range(pings):
    time.sleep(0.001)  # as a client far away: the spinner has the GIL meanwhile
    t0 = time.perf_counter()
    a.sendall(b"x")
    a.recv(1)
    rtt.append((time.perf_counter() - t0) * 1000)

stop.set()
a.close()
spinner.join()
echo_thread.join()
b.close()
print("%.3f %.3f %.3f %.3f" % (percentile(wake, 50), percentile(wake, 99),
                              percentile(rtt, 50), percentile(rtt, 99)))
