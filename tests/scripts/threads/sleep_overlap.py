# time.sleep releases the GIL: eight threads sleeping 0.2 s overlap.
import threading
import time

start = time.monotonic()
threads = [threading.Thread(target=time.sleep, args=(0.2,)) for _ in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("8 sleeps of 0.2 s took under 1 s:", time.monotonic() - start < 1.0)
