# Two CPU-bound threads both make progress: the GIL changes hands by the
# switch interval, so neither has to finish before the other starts.
import sys
import threading

sys.setswitchinterval(0.001)
progress = {"a": 0, "b": 0}
stop = threading.Event()


def spin(name):
    while not stop.is_set():
        progress[name] += 1


threads = [threading.Thread(target=spin, args=(n,)) for n in "ab"]
for t in threads:
    t.start()
while min(progress.values()) < 1000:
    pass
stop.set()
for t in threads:
    t.join()
print("both progressed:", min(progress.values()) >= 1000)
print(sys.getswitchinterval())
try:
    sys.setswitchinterval(0)
except ValueError as e:
    print("ValueError:", e)
