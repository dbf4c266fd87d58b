# The process ends with the main thread: a daemon thread blocked in sleep
# does not keep it alive; a non-daemon thread does, until it finishes.
import threading
import time


def late():
    time.sleep(0.2)
    print("non-daemon thread finished after the main thread")


threading.Thread(target=time.sleep, args=(100,), daemon=True).start()
threading.Thread(target=late).start()
d = threading.Thread(target=print, daemon=True)
print(d.daemon, threading.Thread(target=print).daemon)
d.daemon = False
d.start()
d.join()
try:
    d.daemon = True
except RuntimeError as e:
    print("RuntimeError:", e)
print("main thread done")
