# Tasks give way with a bare yield: the ready queue is FIFO, in rounds.
import scheduler


def worker(name, n):
    for i in range(n):
        print(name, i)
        yield
    return name.upper()


a = scheduler.spawn(worker("a", 3))
b = scheduler.spawn(worker("b", 2))
c = scheduler.spawn(worker("c", 1), name="third")
print(a, b, c)
print(scheduler.run())
print(a, a.done(), a.result(), b.result(), c.result(), a.exception())
print(a.name, c.name, scheduler.current())
