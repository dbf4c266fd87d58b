"""Two CPU-bound threads gain nothing: the GIL lets one run at a time.

The same two counting jobs run one after the other, then in two threads at
once. With a GIL the threaded run takes about as long as the sequential one
(often a little longer: the threads keep handing the lock over).
"""
import threading
import time


def count(n):
    while n > 0:
        n -= 1


N = 2_000_000

start = time.perf_counter()
count(N)
count(N)
sequential = time.perf_counter() - start

start = time.perf_counter()
threads = [threading.Thread(target=count, args=(N,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
threaded = time.perf_counter() - start

print("two CPU-bound jobs, one after the other, then in two threads")
print("two cores gave no speed-up (the threads took over 0.6x the sequential time):",
      threaded / sequential > 0.6)
