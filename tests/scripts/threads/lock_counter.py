# Four threads add to one counter under a Lock: the total is exact.
import threading

lock = threading.Lock()
counter = 0


def add(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1


threads = [threading.Thread(target=add, args=(5000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
print(lock.locked(), lock.acquire(), lock.acquire(False), lock.locked())
lock.release()
