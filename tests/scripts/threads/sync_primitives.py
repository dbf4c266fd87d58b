# Semaphore, BoundedSemaphore, Event, Barrier and Timer across threads.
import threading

sem = threading.Semaphore(2)
inside = []
peak = [0]
guard = threading.Lock()


def limited(i):
    with sem:
        with guard:
            inside.append(i)
            peak[0] = max(peak[0], len(inside))
        threading.Event().wait(0.01)
        with guard:
            inside.remove(i)


ts = [threading.Thread(target=limited, args=(i,)) for i in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("at most two inside:", peak[0] <= 2)
print(sem.acquire(blocking=False), sem.acquire(blocking=False), sem.acquire(timeout=0.01))
b = threading.BoundedSemaphore(1)
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)

ev = threading.Event()
waiting = []
ws = [threading.Thread(target=lambda: waiting.append(ev.wait(5))) for _ in range(3)]
for t in ws:
    t.start()
ev.set()
for t in ws:
    t.join()
print(waiting, ev.is_set(), ev.wait(0))
ev.clear()
print(ev.is_set(), ev.wait(0.01))

barrier = threading.Barrier(3, action=lambda: print("all three arrived"))
order = []
ps = [threading.Thread(target=lambda: order.append(barrier.wait())) for _ in range(3)]
for t in ps:
    t.start()
for t in ps:
    t.join()
print(sorted(order), barrier.parties, barrier.n_waiting, barrier.broken)
try:
    threading.Barrier(2).wait(0.01)
except threading.BrokenBarrierError:
    print("BrokenBarrierError")

fired = []
timer = threading.Timer(0.01, fired.append, args=["fired"])
timer.start()
timer.join()
cancelled = threading.Timer(10, fired.append, args=["never"])
cancelled.start()
cancelled.cancel()
cancelled.join()
print(fired)
