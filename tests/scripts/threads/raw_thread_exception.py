# A thread started with _thread directly: an uncaught exception is reported
# as "Exception ignored in thread started by: <function>" and its traceback.
import _thread
import time

started = _thread.allocate_lock()
started.acquire()


def boom():
    started.release()
    raise ValueError("from a raw thread")


_thread.start_new_thread(boom, ())
started.acquire()          # it runs ...
while _thread._count():    # ... and has ended
    time.sleep(0.01)
print("main goes on")
