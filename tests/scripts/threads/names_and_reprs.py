# Default names count threads as created; reprs follow the thread's life.
import threading


def work():
    pass


def show(t):
    r = repr(t)
    if t.ident is not None:
        r = r.replace(str(t.ident), "IDENT")
    print(r)


t = threading.Thread(target=work)
show(t)
show(threading.Thread(target=work, name="named", daemon=True))
show(threading.Thread())


class Worker(threading.Thread):
    def run(self):
        print("run of", self.name, "in", threading.current_thread().name)


w = Worker()
show(w)
w.start()
w.join()
show(w)
t.start()
t.join()
show(t)
show(threading.current_thread())
print(threading.main_thread() is threading.current_thread(), threading.active_count())
print(threading.get_ident() == threading.current_thread().ident,
      isinstance(threading.get_native_id(), int))
print([th.name for th in threading.enumerate()])
t.name = "renamed"
print(t.name)
r = threading.RLock()
r.acquire()
r.acquire()
print(repr(r).replace(str(threading.get_ident()), "IDENT").split(" at ")[0])
r.release()
r.release()
print(repr(r).split(" at ")[0])
for call in [r.release, threading.Lock().release, lambda: threading.Lock().acquire(False, 1),
             lambda: threading.Lock().acquire(True, -2), lambda: threading.Semaphore(-1)]:
    try:
        call()
    except (RuntimeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(threading.TIMEOUT_MAX)
