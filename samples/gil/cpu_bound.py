"""Two CPU-bound threads gain nothing: the GIL lets one run at a time.

Two counting jobs run in two threads at once. On a machine with two cores,
threads without a GIL would keep both busy: the process would use about two
seconds of CPU per second of wall time. With the GIL the two threads take
turns on one core, so the process never uses more than about one.
(Wall-clock comparisons of a threaded and a sequential run say the same, but
too noisily on a busy machine; CPU time per wall time does not depend on load.)
"""
import threading
import time


def count(n):
    while n > 0:
        n -= 1


N = 2_000_000
wall = time.perf_counter()
cpu = time.process_time()
threads = [threading.Thread(target=count, args=(N,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
cpu = time.process_time() - cpu
wall = time.perf_counter() - wall

print("two CPU-bound jobs in two threads at once")
print("they used at most one core at a time (under 1.3 s of CPU per second):", cpu / wall < 1.3)
