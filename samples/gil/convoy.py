"""The convoy effect: an I/O thread stuck behind a CPU-bound one.

An echo thread answers one-byte pings over a socketpair. Alone, a round trip
takes microseconds. With a thread spinning on the CPU, every wake-up from
recv must get the GIL from the spinner, and with CPython's policy a waiting
thread first waits a whole switch interval (5 ms) before it asks: the round
trip grows a thousandfold. A shorter interval helps; under Baton,
`baton -X gil=priority samples/gil/convoy.py` lets a thread coming back from
a blocking call ask at once, and the convoy is gone (see samples/gil/README.md).
"""
import socket
import sys
import threading
import time


def echo(sock):
    while True:
        data = sock.recv(1)
        if not data:
            return
        sock.sendall(data)


def median_round_trip(a, pings=40):
    times = []
    for _ in range(pings):
        time.sleep(0.005)  # as a client far away: the spinner takes the GIL meanwhile
        start = time.perf_counter()
        a.sendall(b"x")
        a.recv(1)
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def measure(spinning, interval):
    sys.setswitchinterval(interval)
    stop = threading.Event()

    def spin():
        while not stop.is_set():
            pass

    a, b = socket.socketpair()
    echoer = threading.Thread(target=echo, args=(b,))
    echoer.start()
    spinner = threading.Thread(target=spin)
    if spinning:
        spinner.start()
    rtt = median_round_trip(a)
    stop.set()
    a.close()
    echoer.join()
    if spinning:
        spinner.join()
    b.close()
    return rtt


busy_5ms = measure(True, 0.005)
busy_half_ms = measure(True, 0.0005)
print("echo round trips next to a CPU-bound thread (a round trip alone takes microseconds)")
print("at a 5 ms switch interval a round trip takes over 4 ms, the convoy:", busy_5ms > 0.004)
print("at 0.5 ms it takes under 4 ms:", busy_half_ms < 0.004)
print("at 5 ms it takes under 1 ms (what baton -X gil=priority does):", busy_5ms < 0.001)
