# join(timeout) returns while the thread still runs; is_alive tells.
import threading
import time

t = threading.Thread(target=time.sleep, args=(0.3,))
t.start()
t.join(0.01)
print("alive after a short join:", t.is_alive())
t.join()
print("alive after join:", t.is_alive())
t.join(0)
for call in [lambda: threading.Thread().join(),
             lambda: threading.current_thread().join(),
             lambda: t.start()]:
    try:
        call()
    except RuntimeError as e:
        print("RuntimeError:", e)
