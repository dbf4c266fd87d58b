# From the talk: a task catches BlockingIOError (an OSError subclass) and yields.
def sender(attempts):
    for ok in attempts:
        try:
            if not ok:
                raise BlockingIOError(11, "Resource temporarily unavailable")
            print("sent a chunk")
        except BlockingIOError as e:
            print("would block:", e.errno, e.strerror, isinstance(e, OSError))
            yield "waiting for fd 7"
print(list(sender([True, False, True, False])))
