# run(trace=True) prints every switch on stderr.
import scheduler


def worker(n):
    yield
    yield scheduler.sleep(0.01)
    return n


def boss():
    w = scheduler.spawn(worker(1), name="w")
    r = yield scheduler.join(w)
    print("boss got", r)


scheduler.spawn(boss(), name="boss")
scheduler.run(trace=True)
