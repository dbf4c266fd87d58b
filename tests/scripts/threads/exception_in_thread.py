# An uncaught exception ends its thread with a traceback on stderr; the
# process goes on. SystemExit ends the thread silently.
import sys
import threading


def boom(n):
    raise ValueError("boom %d" % n)


t = threading.Thread(target=boom, args=(1,), name="worker")
t.start()
t.join()
print("main goes on")
t = threading.Thread(target=sys.exit, args=(3,))
t.start()
t.join()
print("SystemExit in a thread is silent")
seen = []
threading.excepthook = lambda args: seen.append((args.exc_type.__name__, str(args.exc_value),
                                                 args.thread.name))
t = threading.Thread(target=boom, args=(2,), name="hooked")
t.start()
t.join()
print(seen)
