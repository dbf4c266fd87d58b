# Workers take jobs from a queue.Queue and put results on another.
import queue
import threading

jobs = queue.Queue(maxsize=3)
results = queue.Queue()


def worker():
    while True:
        n = jobs.get()
        if n is None:
            jobs.task_done()
            return
        results.put((n, n * n))
        jobs.task_done()


workers = [threading.Thread(target=worker) for _ in range(3)]
for w in workers:
    w.start()
for n in range(20):
    jobs.put(n)
jobs.join()
for w in workers:
    jobs.put(None)
for w in workers:
    w.join()
print(sorted(results.get() for _ in range(results.qsize())))
print(jobs.empty(), jobs.qsize(), results.empty())

q = queue.Queue(1)
q.put_nowait(1)
try:
    q.put(2, timeout=0.01)
except queue.Full:
    print("Full")
print(q.full(), q.get_nowait())
try:
    q.get(timeout=0.01)
except queue.Empty:
    print("Empty")
try:
    q.get(timeout=-1)
except ValueError as e:
    print("ValueError:", e)
try:
    q.task_done()
    q.task_done()
except ValueError as e:
    print("ValueError:", e)

lifo = queue.LifoQueue()
prio = queue.PriorityQueue()
simple = queue.SimpleQueue()
for x in [3, 1, 2]:
    lifo.put(x)
    prio.put(x)
    simple.put(x)
print([lifo.get() for _ in range(3)], [prio.get() for _ in range(3)],
      [simple.get() for _ in range(3)], simple.empty())
try:
    simple.get_nowait()
except queue.Empty:
    print("SimpleQueue Empty")
