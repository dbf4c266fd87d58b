# A socket closed while tasks wait on it wakes them with EBADF at the
# yield; a regular file cannot be waited on.
import socket

import scheduler

a, b = socket.socketpair()


def waiter(name):
    try:
        yield scheduler.readable(a)
    except OSError as e:
        print(name, "woke with", repr(e))


def closer():
    yield
    print("closing")
    a.close()


def regular_file():
    with open(__file__) as f:
        try:
            yield scheduler.readable(f)
        except OSError as e:
            print("regular file:", type(e).__name__, e)


scheduler.spawn(waiter("w1"))
scheduler.spawn(waiter("w2"))
scheduler.spawn(closer())
scheduler.spawn(regular_file())
scheduler.run()
b.close()
